import gymnasium as gym
import numpy as np

ARROWS = "←↓→↑"


def epsilon_greedy(q_row, epsilon, rng):
    """以概率 ε 随机探索，否则利用当前估计；并列最大时随机挑一个，避免总偏向动作 0。"""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_row)))
    best = np.flatnonzero(q_row == q_row.max())
    return int(rng.choice(best))


def q_learning(env, episodes, alpha, gamma, eps_start, eps_end, seed):
    rng = np.random.default_rng(seed)
    q = np.zeros((env.observation_space.n, env.action_space.n))
    for episode in range(episodes):
        # ε 在前 80% 的回合里从 eps_start 线性降到 eps_end，之后保持不变
        frac = min(1.0, episode / (0.8 * episodes))
        epsilon = eps_start + frac * (eps_end - eps_start)
        state, _ = env.reset(seed=seed + episode)
        done = False
        while not done:
            action = epsilon_greedy(q[state], epsilon, rng)
            next_state, reward, terminated, truncated, _ = env.step(action)
            # TD 目标：掉进冰洞或到达终点（terminated）后没有未来；
            # 只是到了 100 步被截断（truncated）时，下一状态仍有价值
            target = reward + (0.0 if terminated else gamma * q[next_state].max())
            q[state, action] += alpha * (target - q[state, action])
            state = next_state
            done = terminated or truncated
    return q


def success_rate(env, q, episodes=1000):
    """按贪心策略（不再探索）跑若干回合，统计到达终点的比例。"""
    wins = 0
    for episode in range(episodes):
        state, _ = env.reset(seed=100_000 + episode)
        done = False
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(q[state].argmax()))
            done = terminated or truncated
        wins += int(reward)
    return wins / episodes


def show_policy(env, q):
    desc = env.unwrapped.desc.astype(str)
    for row in range(4):
        cells = []
        for col in range(4):
            s = row * 4 + col
            cells.append(desc[row, col] if desc[row, col] in "HG" else ARROWS[q[s].argmax()])
        print(" ".join(cells))


# 1) 不打滑：动作总是按预期执行，几百个回合就能学会
env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=False)
q = q_learning(env, episodes=300, alpha=0.5, gamma=0.95, eps_start=1.0, eps_end=0.05, seed=0)
print(f"不打滑：训练 300 回合，贪心策略成功率 {success_rate(env, q):.1%}")
show_policy(env, q)

# 2) 打滑（默认设置）：只有 1/3 的概率按预期移动，需要小学习率、多得多的回合
env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
q = q_learning(env, episodes=6000, alpha=0.05, gamma=0.99, eps_start=1.0, eps_end=0.1, seed=0)
print(f"打滑：训练 6000 回合，贪心策略成功率 {success_rate(env, q):.1%}")
show_policy(env, q)
print("起点的 Q 值（左、下、右、上）：", np.round(q[0], 3))
