import copy
import random

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

SEED = 0
TOTAL_STEPS = 6000  # 与环境交互的总步数
BUFFER_SIZE = 10_000
BATCH_SIZE = 64
GAMMA = 0.99
LEARNING_STARTS = 500  # 回放缓冲区攒够这么多条经验再开始学
TRAIN_EVERY = 2  # 每与环境交互 2 步做一次梯度更新
TARGET_SYNC = 500  # 每隔多少步把在线网络复制给目标网络
EPS_START, EPS_END, EPS_DECAY_STEPS = 1.0, 0.05, 4000

# 小网络、批次 64：多线程的同步开销比计算还大，单线程反而更快
torch.set_num_threads(1)
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
# 用 float64：贪心动作取 argmax，两个 Q 值几乎相等时，float32 的末位差异就能换掉动作，
# 之后整条轨迹都不同；float64 把这种差异压到 1e-16 量级（MPS 不支持 float64，只好退回 float32）
DTYPE = torch.float32 if device.type == "mps" else torch.float64  # 网络和缓冲区都显式用它


class ReplayBuffer:
    """环形回放缓冲区：存最近 capacity 条经验，训练时均匀随机抽一批。"""

    def __init__(self, capacity, obs_dim):
        self.obs = torch.zeros(capacity, obs_dim, dtype=DTYPE)
        self.actions = torch.zeros(capacity, dtype=torch.long)
        self.rewards = torch.zeros(capacity, dtype=DTYPE)
        self.next_obs = torch.zeros(capacity, obs_dim, dtype=DTYPE)
        self.terminated = torch.zeros(capacity, dtype=DTYPE)
        self.capacity, self.pos, self.size = capacity, 0, 0

    def add(self, obs, action, reward, next_obs, terminated):
        i = self.pos
        self.obs[i] = torch.as_tensor(obs)
        self.actions[i] = action
        self.rewards[i] = reward
        self.next_obs[i] = torch.as_tensor(next_obs)
        self.terminated[i] = float(terminated)
        self.pos = (self.pos + 1) % self.capacity  # 满了就覆盖最旧的
        self.size = min(self.size + 1, self.capacity)

    def sample(self, batch_size):
        idx = torch.randint(0, self.size, (batch_size,))
        batch = (self.obs, self.actions, self.rewards, self.next_obs, self.terminated)
        return [t[idx].to(device) for t in batch]


def epsilon_at(step):
    """线性衰减的 ε：开始几乎全靠随机探索，之后越来越多地利用学到的 Q 值。"""
    frac = min(1.0, step / EPS_DECAY_STEPS)
    return EPS_START + frac * (EPS_END - EPS_START)


def make_q_net():
    return nn.Sequential(
        nn.Linear(4, 64, dtype=DTYPE),
        nn.ReLU(),
        nn.Linear(64, 64, dtype=DTYPE),
        nn.ReLU(),
        nn.Linear(64, 2, dtype=DTYPE),
    )


env = gym.make("CartPole-v1")
env.action_space.seed(SEED)  # 随机探索用 action_space.sample()，它的生成器要单独设种子
q_net = make_q_net().to(device)
target_net = copy.deepcopy(q_net)  # 目标网络：在线网络的一份冻结副本
target_net.requires_grad_(False)
optimizer = torch.optim.Adam(q_net.parameters(), lr=1e-3)
loss_fn = nn.SmoothL1Loss()  # Huber 损失：误差小时像 MSE，误差大时像 L1，梯度有上限
buffer = ReplayBuffer(BUFFER_SIZE, 4)


def update():
    obs, actions, rewards, next_obs, terminated = buffer.sample(BATCH_SIZE)
    q = q_net(obs).gather(1, actions.unsqueeze(1)).squeeze(1)  # Q(s, a)，只取实际做过的动作
    with torch.no_grad():  # 目标值不参与求导
        next_q = target_net(next_obs).max(dim=1).values
        target = rewards + GAMMA * (1.0 - terminated) * next_q  # 杆倒了就没有未来
    loss = loss_fn(q, target)
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(q_net.parameters(), max_norm=10.0)  # 梯度裁剪，防止偶发的大步
    optimizer.step()


episode_returns, episode_ends = [], []
obs, _ = env.reset(seed=SEED)  # 只在第一次 reset 时给种子，之后环境沿用自己的随机数流
ep_return = 0.0
for step in range(1, TOTAL_STEPS + 1):
    if random.random() < epsilon_at(step):
        action = env.action_space.sample()
    else:
        with torch.no_grad():
            x = torch.as_tensor(obs, dtype=DTYPE, device=device).unsqueeze(0)
            action = int(q_net(x).argmax(dim=1).item())
    next_obs, reward, terminated, truncated, _ = env.step(action)
    buffer.add(obs, action, reward, next_obs, terminated)  # 存 terminated，不存 truncated
    obs, ep_return = next_obs, ep_return + reward
    if terminated or truncated:
        episode_returns.append(ep_return)
        episode_ends.append(step)
        obs, _ = env.reset()
        ep_return = 0.0
    if step >= LEARNING_STARTS and step % TRAIN_EVERY == 0:
        update()
    if step % TARGET_SYNC == 0:
        target_net.load_state_dict(q_net.state_dict())  # 硬更新：整份复制

print(f"训练 {TOTAL_STEPS} 步，共 {len(episode_returns)} 个回合")
for lo, hi in [(0, 2000), (2000, 4000), (4000, 6000)]:
    chunk = [g for g, t in zip(episode_returns, episode_ends, strict=True) if lo < t <= hi]
    print(f"  第 {lo + 1}～{hi} 步结束的回合：{len(chunk)} 个，平均回报 {np.mean(chunk):.1f}")


# 评估：贪心策略（ε=0），10 个回合，用训练时没用过的种子
def evaluate(net, episodes=10):
    eval_env = gym.make("CartPole-v1")
    returns = []
    for i in range(episodes):
        obs, _ = eval_env.reset(seed=1000 + i)
        total, done = 0.0, False
        while not done:
            with torch.no_grad():
                x = torch.as_tensor(obs, dtype=DTYPE, device=device).unsqueeze(0)
                action = int(net(x).argmax(dim=1).item())
            obs, reward, terminated, truncated, _ = eval_env.step(action)
            total += reward
            done = terminated or truncated
        returns.append(total)
    return returns


returns = evaluate(q_net)
print("贪心策略 10 个评估回合的回报：", [int(g) for g in returns])
print(f"平均回报：{np.mean(returns):.1f}（满分 500）")

# 学习曲线：每个训练回合的回报，和最近 10 个回合的滑动平均
moving = np.convolve(episode_returns, np.ones(10) / 10, mode="valid")
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(episode_ends, episode_returns, ".", alpha=0.4, label="episode return")
ax.plot(episode_ends[9:], moving, label="moving average (10 episodes)")
ax.axvline(LEARNING_STARTS, color="gray", ls=":", label="learning starts")
ax.set_xlabel("environment steps")
ax.set_ylabel("return")
ax.set_title("DQN on CartPole-v1 (training episodes, epsilon-greedy)")
ax.legend()
fig.tight_layout()
plt.savefig("dqn_learning_curve.png", dpi=100)
