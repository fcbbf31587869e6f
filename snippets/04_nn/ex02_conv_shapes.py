import torch
from torch import nn


def out_size(size: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> int:
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


def predict(layers: nn.Sequential, shape: tuple[int, int, int, int]) -> list[tuple]:
    """只用公式推算每层输出形状，不运行网络。"""
    n, c, h, w = shape
    result = []
    for layer in layers:
        if isinstance(layer, nn.Conv2d):
            (kh, kw), (sh, sw), (ph, pw), (dh, dw) = (
                layer.kernel_size,
                layer.stride,
                layer.padding,
                layer.dilation,
            )
            c = layer.out_channels
            h, w = out_size(h, kh, sh, ph, dh), out_size(w, kw, sw, pw, dw)
        elif isinstance(layer, nn.MaxPool2d):
            k, s, p = layer.kernel_size, layer.stride, layer.padding
            h, w = out_size(h, k, s, p), out_size(w, k, s, p)
        result.append((n, c, h, w))
    return result


layers = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=7, stride=2, padding=3),
    nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
    nn.Conv2d(16, 32, kernel_size=3, padding=1),
    nn.Conv2d(32, 64, kernel_size=3, stride=2),
    nn.MaxPool2d(2),
)

# 用前向钩子收集真实形状
actual = []
for layer in layers:
    layer.register_forward_hook(lambda m, i, o: actual.append(tuple(o.shape)))
with torch.no_grad():
    layers(torch.randn(1, 3, 64, 64))

for layer, pred, real in zip(layers, predict(layers, (1, 3, 64, 64)), actual, strict=True):
    mark = "✓" if pred == real else "✗"
    print(f"{type(layer).__name__:<10} 推算 {pred!s:<16} 实际 {real!s:<16} {mark}")
