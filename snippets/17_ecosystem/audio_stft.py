import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)

# 1. 生成 1 秒、16 kHz 的信号：前半秒 440 Hz，后半秒 1000 Hz，再加一点噪声
sample_rate = 16000
t = torch.arange(sample_rate) / sample_rate
freq = torch.where(t < 0.5, 440.0, 1000.0)
wave = 0.5 * torch.sin(2 * math.pi * freq * t) + 0.01 * torch.randn(sample_rate)
print(f"波形：{tuple(wave.shape)}，时长 {wave.numel() / sample_rate:.1f} 秒")

# 2. 短时傅里叶变换：512 点窗口、每次滑动 128 个采样点
n_fft, hop = 512, 128
window = torch.hann_window(n_fft)
spec = torch.stft(wave, n_fft=n_fft, hop_length=hop, window=window, return_complex=True)
power = spec.abs() ** 2
print(f"频谱：{tuple(spec.shape)} {spec.dtype}（频率箱 × 帧）")
print(f"频率分辨率：{sample_rate / n_fft} Hz，帧间隔：{hop / sample_rate * 1000} 毫秒")

# 3. 每一帧能量最大的频率箱，就是这一帧的主频
bin_hz = sample_rate / n_fft
peak = power.argmax(dim=0)
for name, frame in [("第 10 帧", 10), ("第 100 帧", 100)]:
    print(f"{name}（{frame * hop / sample_rate:.2f} 秒）主频：{peak[frame] * bin_hz:.1f} Hz")

# 4. 对数功率谱（分贝）是模型最常见的音频输入
log_power = 10 * torch.log10(power + 1e-10)
print(f"最强处：{log_power.max():.1f} dB，中位数：{log_power.median():.1f} dB")

# 5. 逆变换 istft 把频谱还原成波形
restored = torch.istft(spec, n_fft=n_fft, hop_length=hop, window=window, length=wave.numel())
print(f"还原误差：{(restored - wave).abs().max() < 1e-5}")

plt.figure(figsize=(6, 3))
plt.imshow(
    log_power[:80], origin="lower", aspect="auto", cmap="magma", extent=[0, 1, 0, 80 * bin_hz]
)
plt.xlabel("time (s)")
plt.ylabel("frequency (Hz)")
plt.colorbar(label="dB")
plt.tight_layout()
plt.savefig("spectrogram.png", dpi=100)
