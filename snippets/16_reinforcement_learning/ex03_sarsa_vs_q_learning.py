import gymnasium as gym
import numpy as np

EPISODES, ALPHA, EPSILON, GAMMA = 500, 0.5, 0.1, 1.0


def epsilon_greedy(q_row, rng):
    if rng.random() < EPSILON:
        return int(rng.integers(4))
    best = np.flatnonzero(q_row == q_row.max())
    return int(rng.choice(best))


def train(method, seed=0):
    """CliffWalking：4×12 的网格，掉下悬崖 -100 并回到起点，其余每步 -1。"""
    env = gym.make("CliffWalking-v1")
    rng = np.random.default_rng(seed)
    q = np.zeros((48, 4))
    returns = []
    for episode in range(EPISODES):
        state, _ = env.reset(seed=seed + episode)
        action = epsilon_greedy(q[state], rng)
        total, done = 0.0, False
        while not done:
            next_state, reward, terminated, truncated, _ = env.step(action)
            next_action = epsilon_greedy(q[next_state], rng)
            if method == "sarsa":
                # on-policy：用真正要执行的下一个动作（可能是探索动作）的 Q 值
                future = q[next_state, next_action]
            else:
                # off-policy：不管下一步实际做什么，都按贪心动作的 Q 值估计
                future = q[next_state].max()
            target = reward + (0.0 if terminated else GAMMA * future)
            q[state, action] += ALPHA * (target - q[state, action])
            state, action, total = next_state, next_action, total + reward
            done = terminated or truncated
        returns.append(total)
    return q, returns


def greedy_path(q):
    """从起点按贪心策略走，画出路线：S 起点、G 终点、C 悬崖、* 经过的格子。"""
    grid = np.full((4, 12), ".")
    grid[3, 1:11] = "C"
    state, steps = 36, 0
    moves = {0: -12, 1: 1, 2: 12, 3: -1}  # 上、右、下、左
    while state != 47 and steps < 100:
        grid[state // 12, state % 12] = "*"
        state = state + moves[int(q[state].argmax())]
        steps += 1
    grid[3, 0], grid[3, 11] = "S", "G"
    return steps, ["".join(row) for row in grid]


for method in ("sarsa", "q_learning"):
    q, returns = train(method)
    steps, rows = greedy_path(q)
    print(
        f"{method}：训练中最后 100 回合的平均回报 {np.mean(returns[-100:]):.1f}，贪心路线 {steps} 步"
    )
    for row in rows:
        print("  " + row)
