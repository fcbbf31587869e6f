import gymnasium as gym
import numpy as np
import torch

GAMMA = 0.9  # 0.9 的 100 次方约为 3e-5：100 步截断对价值几乎没有影响

env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
lake = env.unwrapped
n_states, n_actions = 16, 4
p_cont = torch.zeros(n_states, n_actions, n_states, dtype=torch.float64)
r_exp = torch.zeros(n_states, n_actions, dtype=torch.float64)
for s in range(n_states):
    for a in range(n_actions):
        for prob, s_next, reward, terminated in lake.P[s][a]:
            r_exp[s, a] += prob * reward
            if not terminated:
                p_cont[s, a, s_next] += prob

# 均匀随机策略：每个动作概率 1/4，对动作取平均就得到 P_π 和 r_π
p_pi, r_pi = p_cont.mean(dim=1), r_exp.mean(dim=1)
v_exact = torch.linalg.solve(torch.eye(n_states, dtype=torch.float64) - GAMMA * p_pi, r_pi)
print("随机策略的精确价值 V^π（解线性方程组）：")
print(v_exact.view(4, 4).numpy().round(4))

# 蒙特卡洛：从起点玩很多回合，对折扣回报求平均
env.action_space.seed(0)
returns = []
for episode in range(10_000):
    env.reset(seed=episode)
    g, discount, done = 0.0, 1.0, False
    while not done:
        _, reward, terminated, truncated, _ = env.step(env.action_space.sample())
        g += discount * reward
        discount *= GAMMA
        done = terminated or truncated
    returns.append(g)
returns = np.array(returns)
stderr = returns.std() / np.sqrt(len(returns))
print(f"起点的精确价值 {v_exact[0].item():.4f}")
print(f"蒙特卡洛 10000 回合：{returns.mean():.4f} ± {stderr:.4f}（±1 个标准误差）")
