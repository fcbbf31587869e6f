import torch
from torch import nn

torch.manual_seed(0)

# 1) 过估计：10 个动作的真实价值都是 0，估计值带着标准差 1 的噪声
n_trials, n_actions = 10_000, 10
true_q = torch.zeros(n_actions)
noisy_a = true_q + torch.randn(n_trials, n_actions)  # 一套估计（像在线网络）
noisy_b = true_q + torch.randn(n_trials, n_actions)  # 另一套独立的估计（像目标网络）
single = noisy_a.max(dim=1).values  # 用同一套估计既选动作又打分
best = noisy_a.argmax(dim=1, keepdim=True)
double = noisy_b.gather(1, best).squeeze(1)  # 用 A 选动作，用 B 打分
print(f"真实的最大价值：{true_q.max().item():.2f}")
print(f"max 估计的平均值：{single.mean().item():.2f}（偏高）")
print(f"Double 估计的平均值：{double.mean().item():.2f}")

# 2) 放进 DQN：Double DQN 的目标只改两行
q_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
next_obs, rewards = torch.randn(5, 4), torch.ones(5)
terminated = torch.tensor([0.0, 0.0, 1.0, 0.0, 0.0])
gamma = 0.99
with torch.no_grad():
    dqn_target = rewards + gamma * (1 - terminated) * target_net(next_obs).max(dim=1).values
    next_actions = q_net(next_obs).argmax(dim=1, keepdim=True)  # 在线网络选动作
    next_q = target_net(next_obs).gather(1, next_actions).squeeze(1)  # 目标网络打分
    double_target = rewards + gamma * (1 - terminated) * next_q
print("DQN 目标：       ", [round(x, 3) for x in dqn_target.tolist()])
print("Double DQN 目标：", [round(x, 3) for x in double_target.tolist()])
print("Double 目标从不高于 DQN 目标：", bool((double_target <= dqn_target).all()))
