import gymnasium as gym
import numpy as np

EPISODES = 300


def run(eps_start, eps_end, q_init, random_ties, seed=0):
    """不打滑的 FrozenLake 上做 Q 学习，返回训练中到达终点的回合数。
    random_ties=False 时用 np.argmax：并列时总选编号最小的动作（向左）。"""
    env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=False)
    rng = np.random.default_rng(seed)
    q = np.full((16, 4), q_init, dtype=float)
    q[[5, 7, 11, 12, 15]] = 0.0  # 冰洞和终点是终止状态，价值为 0
    reached = 0
    for episode in range(EPISODES):
        epsilon = eps_start + min(1.0, episode / (0.8 * EPISODES)) * (eps_end - eps_start)
        state, _ = env.reset(seed=seed + episode)
        done = False
        while not done:
            if rng.random() < epsilon:
                action = int(rng.integers(4))
            elif random_ties:
                action = int(rng.choice(np.flatnonzero(q[state] == q[state].max())))
            else:
                action = int(q[state].argmax())
            next_state, reward, terminated, truncated, _ = env.step(action)
            target = reward + (0.0 if terminated else 0.95 * q[next_state].max())
            q[state, action] += 0.5 * (target - q[state, action])
            state, done = next_state, terminated or truncated
        reached += int(reward)
    return reached


settings = [
    ("纯贪心 ε=0，Q 初值 0，并列取第一个      ", 0.0, 0.0, 0.0, False),
    ("ε 从 1 降到 0.05，Q 初值 0，并列取第一个", 1.0, 0.05, 0.0, False),
    ("ε 从 1 降到 0.05，Q 初值 0，并列随机挑  ", 1.0, 0.05, 0.0, True),
    ("纯贪心 ε=0，Q 初值 1，并列取第一个      ", 0.0, 0.0, 1.0, False),
]
for name, *args in settings:
    print(f"{name}：{EPISODES} 回合里到达终点 {run(*args)} 次")
