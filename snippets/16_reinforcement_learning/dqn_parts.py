import copy

import gymnasium as gym
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)

# 1) 为什么要回放：连续的经验高度相关，随机抽样能打散这种相关
env = gym.make("CartPole-v1")
env.action_space.seed(0)
obs, _ = env.reset(seed=0)
states = []
for _ in range(2000):
    states.append(obs)
    obs, _, terminated, truncated, _ = env.step(env.action_space.sample())
    if terminated or truncated:
        obs, _ = env.reset()
states = np.array(states)
angle = states[:, 2]  # 杆的角度
print(f"相邻两步杆角度的相关系数：{np.corrcoef(angle[:-1], angle[1:])[0, 1]:.3f}")
idx = np.random.default_rng(0).integers(0, len(states), size=2000)
shuffled = angle[idx]
print(f"随机抽样后相邻两条的相关系数：{np.corrcoef(shuffled[:-1], shuffled[1:])[0, 1]:.3f}")

# 2) ε 的线性衰减：与 DQN 示例相同，前 4000 步从 1 降到 0.05，之后保持
for step in [0, 1000, 2000, 4000, 6000]:
    eps = 1.0 + min(1.0, step / 4000) * (0.05 - 1.0)
    print(f"第 {step} 步：ε = {eps:.4f}")

# 3) Huber 损失（SmoothL1Loss）与 MSE：看 TD 误差很大时梯度有多大
td_error = torch.tensor([0.5, 2.0, 20.0])
for name, loss_fn in [
    ("MSE", nn.MSELoss(reduction="sum")),
    ("Huber", nn.SmoothL1Loss(reduction="sum")),
]:
    q = torch.zeros(3, requires_grad=True)
    loss_fn(q, td_error).backward()  # 预测 0，目标是 td_error
    print(f"{name:5s} 对 Q 的梯度：{q.grad.tolist()}")

# 4) 目标网络：在线网络更新一步后，用它算的目标跟着变；冻结的副本不变
q_net = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2))
target_net = copy.deepcopy(q_net).requires_grad_(False)
next_obs = torch.as_tensor(states[:64])
before = q_net(next_obs).max(dim=1).values.detach()
optimizer = torch.optim.Adam(q_net.parameters(), lr=1e-2)
loss = nn.SmoothL1Loss()(q_net(next_obs)[:, 0], torch.ones(64))
optimizer.zero_grad()
loss.backward()
# 5) 梯度裁剪：返回裁剪之前的总范数，裁剪之后总范数不超过 max_norm
norm = nn.utils.clip_grad_norm_(q_net.parameters(), max_norm=0.1)
after_clip = torch.linalg.vector_norm(torch.stack([p.grad.norm() for p in q_net.parameters()]))
print(f"裁剪前梯度范数 {norm.item():.3f}，裁剪后 {after_clip.item():.3f}")
optimizer.step()
online_shift = (q_net(next_obs).max(dim=1).values - before).abs().mean().item()
target_shift = (target_net(next_obs).max(dim=1).values - before).abs().mean().item()
print(f"更新一步后目标值的平均变化：在线网络 {online_shift:.4f}，目标网络 {target_shift:.4f}")
