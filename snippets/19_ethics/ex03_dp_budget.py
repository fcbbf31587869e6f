import math


def epsilon_full_batch(steps, sigma, delta):
    """全批量高斯机制，Rényi 差分隐私组合后换算成 (ε, δ)。"""
    alphas = [1 + a / 10 for a in range(1, 2000)]
    return min(steps * a / (2 * sigma**2) + math.log(1 / delta) / (a - 1) for a in alphas)


delta = 1e-5
print("σ \\ 步数     30      60     120     240")
for sigma in (4.0, 8.0, 16.0, 32.0):
    row = [epsilon_full_batch(t, sigma, delta) for t in (30, 60, 120, 240)]
    print(f"σ={sigma:<4g}" + "".join(f"{e:8.2f}" for e in row))

# 反过来：给定 ε=2、60 步，噪声至少要多大？二分查找
lo, hi = 1.0, 100.0
for _ in range(50):
    mid = (lo + hi) / 2
    lo, hi = (mid, hi) if epsilon_full_batch(60, mid, delta) > 2.0 else (lo, mid)
print(f"60 步、ε ≤ 2 所需的最小 σ：{hi:.1f}")
