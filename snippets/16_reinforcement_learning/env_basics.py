import gymnasium as gym
import numpy as np

# 智能体与环境的交互：reset 开始一个回合，step 执行一个动作
env = gym.make("CartPole-v1")
print("观测空间：", env.observation_space)
print("动作空间：", env.action_space)
print("每回合最多步数：", env.spec.max_episode_steps)

obs, info = env.reset(seed=42)  # 给 reset 种子，初始状态就固定了
print("初始观测（小车位置、速度、杆角度、角速度）：", np.round(obs, 4))

env.action_space.seed(42)  # 动作空间有自己的随机数生成器，也要单独设种子
action = env.action_space.sample()
obs, reward, terminated, truncated, info = env.step(action)
print(f"动作 {action} -> 奖励 {reward}，terminated={terminated}，truncated={truncated}")

# 随机策略玩 20 个回合：每坚持一步得 1 分，杆倒了或车出界就 terminated
returns, reasons = [], {"terminated": 0, "truncated": 0}
for episode in range(20):
    obs, _ = env.reset(seed=episode)
    total, done = 0.0, False
    while not done:
        obs, reward, terminated, truncated, _ = env.step(env.action_space.sample())
        total += reward
        done = terminated or truncated
    returns.append(total)
    reasons["terminated" if terminated else "truncated"] += 1
print(f"随机策略 20 回合的平均回报：{np.mean(returns):.1f}，最高 {max(returns):.0f}")
print("回合结束的原因：", reasons)

# FrozenLake：离散的状态与动作，奖励只在到达终点时给 1
lake = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
lake.action_space.seed(0)
print("FrozenLake 状态数：", lake.observation_space.n, "动作数：", lake.action_space.n)
wins = 0
for episode in range(1000):
    state, _ = lake.reset(seed=episode)
    done = False
    while not done:
        state, reward, terminated, truncated, _ = lake.step(lake.action_space.sample())
        done = terminated or truncated
    wins += int(reward)
print(f"随机策略在 FrozenLake 上 1000 回合成功 {wins} 次")
