import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

EPISODES = 120
GAMMA = 0.99
MAX_STEPS = 200  # 把回合上限从 500 降到 200，控制示例的运行时间

torch.set_num_threads(1)  # 小网络单线程更快
F64 = torch.float64  # 理由同 DQN 示例：让采样的动作在不同机器上一致


def discounted_returns(rewards, gamma):
    """从后往前累加：G_t = r_t + γ G_{t+1}，得到每一步的回报（reward-to-go）。"""
    out, g = [], 0.0
    for r in reversed(rewards):
        g = r + gamma * g
        out.append(g)
    return torch.tensor(out[::-1], dtype=F64)


def train(use_baseline, seed):
    torch.manual_seed(seed)
    env = gym.make("CartPole-v1", max_episode_steps=MAX_STEPS)
    # 策略网络输出动作的 logits；价值网络是基线 b(s) ≈ V(s)
    policy = nn.Sequential(nn.Linear(4, 32, dtype=F64), nn.Tanh(), nn.Linear(32, 2, dtype=F64))
    value = nn.Sequential(nn.Linear(4, 32, dtype=F64), nn.Tanh(), nn.Linear(32, 1, dtype=F64))
    opt_pi = torch.optim.Adam(policy.parameters(), lr=0.01)
    opt_v = torch.optim.Adam(value.parameters(), lr=0.01)
    history = []
    obs, _ = env.reset(seed=seed)
    for _ in range(EPISODES):
        # 1) 用当前策略完整玩一个回合（on-policy：数据必须来自当前策略）
        states, actions, rewards = [], [], []
        done = False
        while not done:
            x = torch.as_tensor(obs, dtype=F64)
            with torch.no_grad():
                probs = torch.softmax(policy(x), dim=0)
            action = torch.multinomial(probs, 1).item()  # 按概率抽一个动作，不是取最大
            states.append(x)
            actions.append(action)
            obs, reward, terminated, truncated, _ = env.step(action)
            rewards.append(reward)
            done = terminated or truncated
        obs, _ = env.reset()
        history.append(sum(rewards))

        # 2) 一次前向算出整回合的 log π(a_t|s_t)，按回报加权
        s, a = torch.stack(states), torch.tensor(actions)
        g = discounted_returns(rewards, GAMMA)
        log_prob = torch.log_softmax(policy(s), dim=1).gather(1, a.unsqueeze(1)).squeeze(1)
        if use_baseline:
            v = value(s).squeeze(1)
            advantage = g - v.detach()  # 减去基线：只看这一步比平常好多少
            value_loss = nn.functional.mse_loss(v, g)
            opt_v.zero_grad()
            value_loss.backward()
            opt_v.step()
        else:
            advantage = g
        policy_loss = -(log_prob * advantage).mean()  # 梯度上升 = 对负号做梯度下降
        opt_pi.zero_grad()
        policy_loss.backward()
        opt_pi.step()
    return history


# 强化学习的结果随种子变化很大，只比一个种子不足为凭：两种做法各用两个种子
results = {False: [], True: []}
for seed in (0, 1):
    for use_baseline in (False, True):
        h = np.array(train(use_baseline, seed))
        results[use_baseline].append(h)
        label = "有基线" if use_baseline else "无基线"
        moving = np.convolve(h, np.ones(10) / 10, mode="valid")  # 最近 10 回合的滑动平均
        reached = np.flatnonzero(moving >= 195)
        first = f"第 {reached[0] + 10} 回合" if len(reached) else "没有达到"
        print(
            f"种子 {seed}，{label}：最后 50 回合平均 {h[-50:].mean():.1f}，"
            f"坚持满 {MAX_STEPS} 步的回合 {int((h == MAX_STEPS).sum())} 个，"
            f"滑动平均首次 ≥ 195：{first}"
        )

fig, ax = plt.subplots(figsize=(7, 3.5))
for use_baseline, color in [(False, "tab:orange"), (True, "tab:blue")]:
    name = "with baseline" if use_baseline else "no baseline"
    for i, h in enumerate(results[use_baseline]):
        moving = np.convolve(h, np.ones(10) / 10, mode="valid")
        ls = "-" if i == 0 else "--"
        ax.plot(np.arange(10, len(h) + 1), moving, color=color, ls=ls, label=f"{name}, seed {i}")
ax.set_xlabel("episode")
ax.set_ylabel("return (moving average of 10)")
ax.set_title(f"REINFORCE on CartPole-v1 (episodes capped at {MAX_STEPS} steps)")
ax.legend()
fig.tight_layout()
plt.savefig("reinforce_curves.png", dpi=100)
