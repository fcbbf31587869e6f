import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

# 第一步：用 FlopCounterMode 数一个训练步，验证训练 ≈ 6 × 参数量 × 样本数的经验公式
model = nn.Sequential(nn.Linear(512, 2048), nn.ReLU(), nn.Linear(2048, 512))
n_params = sum(p.numel() for p in model.parameters())
x = torch.randn(32, 512, requires_grad=True)  # 当作中间层：输入也要梯度
with FlopCounterMode(display=False) as counter:
    model(x).square().mean().backward()
per_sample = counter.get_total_flops() / 32
print(f"参数量 {n_params:,}，每个样本的训练 FLOPs ≈ {per_sample / n_params:.2f} × 参数量")

# 第二步：粗估一次训练的能耗。下面每个数都是假设，改成你自己的情况
peak_flops = 989e12  # 假设：单卡 BF16 稠密峰值算力，FLOP/s
utilization = 0.4  # 假设：实际能达到峰值的 40%（MFU）
gpu_power_kw = 0.7  # 假设：单卡满载功耗 0.7 kW
pue = 1.2  # 假设：数据中心电能使用效率（冷却等开销）
carbon_kg_per_kwh = 0.5  # 假设：电网碳排放因子，kg CO2 / kWh，各地差别很大

# (参数量, 训练词元数)：10 亿参数 × 200 亿词元；700 亿参数 × 2 万亿词元
for params, tokens in ((1e9, 20e9), (70e9, 2e12)):
    train_flops = 6 * params * tokens
    gpu_hours = train_flops / (peak_flops * utilization) / 3600
    energy_kwh = gpu_hours * gpu_power_kw * pue
    print(
        f"{params:.0e} 参数 × {tokens:.0e} 词元：{train_flops:.2e} FLOPs，"
        f"约 {gpu_hours:,.0f} GPU 小时，{energy_kwh:,.0f} kWh，"
        f"{energy_kwh * carbon_kg_per_kwh:,.0f} kg CO2"
    )
