import gymnasium as gym
import torch
from torch import nn

torch.set_num_threads(1)
F64 = torch.float64  # 理由同 DQN 示例
torch.manual_seed(0)

env = gym.make("CartPole-v1")
# 一个还没训练的策略
policy = nn.Sequential(nn.Linear(4, 32, dtype=F64), nn.Tanh(), nn.Linear(32, 2, dtype=F64))


def rollout(n_episodes, seed):
    """用当前策略玩 n 个回合，返回每回合的 (状态, 动作, 回报到终 G_t)；γ=1，不打折。"""
    episodes = []
    obs, _ = env.reset(seed=seed)
    for _ in range(n_episodes):
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
        t = len(states)
        reward_to_go = torch.arange(t, 0, -1, dtype=F64)  # 每步奖励都是 1
        episodes.append((torch.stack(states), torch.tensor(actions), reward_to_go))
    return episodes


# 另外玩 100 个回合，拟合基线 b(s) ≈ V(s)：基线不能用来估计梯度的那批数据
fit = rollout(100, seed=1)
s_fit = torch.cat([e[0] for e in fit])
g_fit = torch.cat([e[2] for e in fit])
value = nn.Sequential(nn.Linear(4, 32, dtype=F64), nn.Tanh(), nn.Linear(32, 1, dtype=F64))
opt = torch.optim.Adam(value.parameters(), lr=0.01)
for _ in range(300):
    loss = nn.functional.mse_loss(value(s_fit).squeeze(1), g_fit)
    opt.zero_grad()
    loss.backward()
    opt.step()


def episode_gradient(states, actions, weights):
    """单个回合的策略梯度估计：Σ_t w_t ∇log π(a_t|s_t)，展平成一个向量。"""
    log_prob = torch.log_softmax(policy(states), dim=1).gather(1, actions.unsqueeze(1)).squeeze(1)
    grads = torch.autograd.grad((log_prob * weights).sum(), list(policy.parameters()))
    return torch.cat([g.flatten() for g in grads])


episodes = rollout(200, seed=2)
lengths = torch.tensor([len(e[2]) for e in episodes], dtype=F64)
print(f"200 个回合，回报均值 {lengths.mean():.1f}，标准差 {lengths.std():.1f}")
estimators = {
    "整回合回报 G_0": lambda s, a, g: torch.full_like(g, g[0].item()),
    "回报到终 G_t": lambda s, a, g: g,
    "G_t - b(s_t)": lambda s, a, g: g - value(s).squeeze(1).detach(),
}
results = {}
for name, weight_fn in estimators.items():
    grads = torch.stack([episode_gradient(s, a, weight_fn(s, a, g)) for s, a, g in episodes])
    results[name] = (grads.mean(dim=0), grads.var(dim=0).sum().item())  # 均值、总方差
base_var = results["整回合回报 G_0"][1]
ref_mean = results["G_t - b(s_t)"][0]
for name, (mean, var) in results.items():
    cos = torch.nn.functional.cosine_similarity(mean, ref_mean, dim=0).item()
    print(
        f"{name:14s} 总方差 {var:9.1f}（为第一种的 {var / base_var:.2f} 倍），均值与最后一种的余弦相似度 {cos:.2f}"
    )
