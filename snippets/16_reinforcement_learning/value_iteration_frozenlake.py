import gymnasium as gym
import torch

ARROWS = "←↓→↑"  # FrozenLake 的动作编号：0 左、1 下、2 右、3 上
GAMMA = 0.99

env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
lake = env.unwrapped
desc = lake.desc.astype(str)  # 4×4 的地图：S 起点、F 冰面、H 冰洞、G 终点
n_states, n_actions = env.observation_space.n, env.action_space.n

# 把环境自带的转移表 P[s][a] = [(概率, 下一状态, 奖励, 是否结束), ...] 变成张量
# p_cont[s, a, s']：转移到 s' 且回合没有结束的概率（结束后没有未来价值可言）
# r_exp[s, a]：这一步的期望即时奖励
p_cont = torch.zeros(n_states, n_actions, n_states, dtype=torch.float64)
r_exp = torch.zeros(n_states, n_actions, dtype=torch.float64)
for s in range(n_states):
    for a in range(n_actions):
        for prob, s_next, reward, terminated in lake.P[s][a]:
            r_exp[s, a] += prob * reward
            if not terminated:
                p_cont[s, a, s_next] += prob

# 值迭代：反复套用贝尔曼最优方程 V(s) = max_a [ r(s,a) + γ Σ p(s'|s,a) V(s') ]
v = torch.zeros(n_states, dtype=torch.float64)
sweep, delta = 0, float("inf")
while delta >= 1e-10:
    q = r_exp + GAMMA * p_cont @ v  # (S, A, S') @ (S',) -> (S, A)
    v_new = q.max(dim=1).values
    delta = (v_new - v).abs().max().item()
    v, sweep = v_new, sweep + 1
print(f"值迭代扫描 {sweep} 次后收敛（最大变化 < 1e-10）")
print("最优状态价值 V*(s)：")
print(v.view(4, 4).numpy().round(3))

policy = q.argmax(dim=1)


def show_policy(policy):
    """把策略画成箭头；冰洞和终点没有动作可选，照原样显示字母。"""
    for row in range(4):
        cells = []
        for col in range(4):
            s = row * 4 + col
            cells.append(desc[row, col] if desc[row, col] in "HG" else ARROWS[policy[s]])
        print(" ".join(cells))


print("贪心策略（对 Q* 取 argmax）：")
show_policy(policy)

# 精确的成功率：γ=1、奖励只在终点，于是价值 = 到达终点的概率。
# FrozenLake 每回合最多 100 步，所以只做 100 次有限步的策略评估。
p_pi = p_cont[torch.arange(n_states), policy]  # (S, S')
r_pi = r_exp[torch.arange(n_states), policy]
success = torch.zeros(n_states, dtype=torch.float64)
for _ in range(100):
    success = r_pi + p_pi @ success
print(f"这个策略 100 步内到达终点的精确概率：{success[0].item():.4f}")

# 再用真实环境模拟 1000 个回合核对
wins = 0
for episode in range(1000):
    state, _ = env.reset(seed=episode)
    done = False
    while not done:
        state, reward, terminated, truncated, _ = env.step(int(policy[state]))
        done = terminated or truncated
    wins += int(reward)
print(f"模拟 1000 个回合：成功 {wins} 次，成功率 {wins / 1000:.1%}")
