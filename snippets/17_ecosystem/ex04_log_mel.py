import math

import torch


def hz_to_mel(f):
    return 2595.0 * torch.log10(1.0 + f / 700.0)


def mel_to_hz(m):
    return 700.0 * (10 ** (m / 2595.0) - 1.0)


def mel_filterbank(n_freqs, n_mels, sample_rate):
    """三角形滤波器组：形状 (n_freqs, n_mels)，在梅尔刻度上等距排列。"""
    freqs = torch.linspace(0, sample_rate / 2, n_freqs)
    mel_points = torch.linspace(
        hz_to_mel(torch.tensor(0.0)), hz_to_mel(torch.tensor(sample_rate / 2)), n_mels + 2
    )
    hz_points = mel_to_hz(mel_points)
    lower, center, upper = hz_points[:-2], hz_points[1:-1], hz_points[2:]
    rising = (freqs[:, None] - lower) / (center - lower)
    falling = (upper - freqs[:, None]) / (upper - center)
    return torch.clamp(torch.minimum(rising, falling), min=0.0), center


sample_rate, n_fft, hop, n_mels = 16000, 512, 160, 40
t = torch.arange(sample_rate) / sample_rate
wave = 0.5 * torch.sin(2 * math.pi * 440 * t)

spec = torch.stft(wave, n_fft, hop_length=hop, window=torch.hann_window(n_fft), return_complex=True)
power = spec.abs() ** 2  # (257, 帧)
fbank, centers = mel_filterbank(n_fft // 2 + 1, n_mels, sample_rate)
mel = fbank.T @ power  # (40, 帧)
log_mel = torch.log(mel + 1e-6)

print(f"滤波器组：{tuple(fbank.shape)}，对数梅尔谱：{tuple(log_mel.shape)}")
print(f"前 5 个中心频率（Hz）：{[round(c) for c in centers[:5].tolist()]}")
print(f"后 2 个中心频率（Hz）：{[round(c) for c in centers[-2:].tolist()]}")
band = log_mel.mean(dim=1).argmax().item()
print(f"能量最强的梅尔带：第 {band} 个，中心 {centers[band]:.0f} Hz")
