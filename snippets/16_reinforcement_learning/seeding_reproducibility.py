import gymnasium as gym
import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)
F64 = torch.float64

# 1) 环境的随机性：reset(seed=...) 决定初始状态
env_a, env_b = gym.make("CartPole-v1"), gym.make("CartPole-v1")
obs_a, _ = env_a.reset(seed=7)
obs_b, _ = env_b.reset(seed=7)
print("同一种子 reset，初始状态相同：", bool(np.array_equal(obs_a, obs_b)))
obs_a2, _ = env_a.reset()  # 之后不再给种子：沿用环境自己的随机数流，照样可复现
obs_b2, _ = env_b.reset()
print("第二次 reset 不给种子，仍然相同：", bool(np.array_equal(obs_a2, obs_b2)))

# 2) 动作空间有独立的随机数生成器，reset(seed) 管不到它
env_a.action_space.seed(123)
env_b.action_space.seed(123)
samples_a = [env_a.action_space.sample() for _ in range(20)]
samples_b = [env_b.action_space.sample() for _ in range(20)]
print("action_space.seed 之后，随机动作序列相同：", samples_a == samples_b)


# 3) 策略网络的初始化和动作采样由 torch 的随机数决定
def short_training(seed, episodes=30):
    torch.manual_seed(seed)
    env = gym.make("CartPole-v1")
    policy = nn.Sequential(nn.Linear(4, 16, dtype=F64), nn.Tanh(), nn.Linear(16, 2, dtype=F64))
    opt = torch.optim.Adam(policy.parameters(), lr=0.02)
    obs, _ = env.reset(seed=seed)
    returns = []
    for _ in range(episodes):
        states, actions, done = [], [], False
        while not done:
            x = torch.as_tensor(obs, dtype=F64)
            with torch.no_grad():
                action = torch.multinomial(torch.softmax(policy(x), dim=0), 1).item()
            states.append(x)
            actions.append(action)
            obs, _, terminated, truncated, _ = env.step(action)
            done = terminated or truncated
        obs, _ = env.reset()
        g = torch.arange(len(states), 0, -1, dtype=F64)  # 回报到终（γ=1）
        log_prob = torch.log_softmax(policy(torch.stack(states)), dim=1)
        log_prob = log_prob.gather(1, torch.tensor(actions).unsqueeze(1)).squeeze(1)
        loss = -(log_prob * (g - g.mean())).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        returns.append(len(states))
    return returns


run1, run2 = short_training(seed=0), short_training(seed=0)
print("种子 0 训练两次，每回合回报完全相同：", run1 == run2)
for seed in (0, 1, 2):
    r = short_training(seed)
    print(f"种子 {seed}：最后 10 回合平均回报 {np.mean(r[-10:]):.1f}")

# 4) 为什么换台机器仍会不同：初始角度只差 1e-9，闭环控制下一百多步后动作就分岔了
env = gym.make("CartPole-v1")
action_logs = []
for eps in (0.0, 1e-9):
    env.reset(seed=0)
    env.unwrapped.state = np.array([0.0, 0.0, 0.01 + eps, 0.0])
    obs, actions, done = np.array(env.unwrapped.state), [], False
    while not done:
        action = int(obs[2] + 0.1 * obs[3] > 0)  # 简单规则：杆往哪边倒，就往哪边推
        actions.append(action)
        obs, _, terminated, truncated, _ = env.step(action)
        done = terminated or truncated
    action_logs.append(actions)
first_diff = next(i for i, (a, b) in enumerate(zip(*action_logs, strict=True)) if a != b)
print(f"初始角度相差 1e-9：第 {first_diff} 步起动作不同")
n_diff = sum(a != b for a, b in zip(*action_logs, strict=True))
print(f"两条轨迹各 {len(action_logs[0])} 步，其中 {n_diff} 步的动作不同")
