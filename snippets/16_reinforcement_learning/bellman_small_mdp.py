import torch

# 一个 3 个状态的小 MDP：一条小路 0 -> 1 -> 2 -> 宝藏
#   动作 0「收手」：立刻拿 1 分，回合结束
#   动作 1「前进」：80% 走到下一格，20% 脚下打滑原地不动；从状态 2 前进成功就拿到宝藏 10 分并结束
# 用张量写出 p_cont[s, a, s']（转移且回合未结束的概率）和 r[s, a]（期望即时奖励）
n_states, n_actions = 3, 2
p_cont = torch.zeros(n_states, n_actions, n_states, dtype=torch.float64)
r = torch.zeros(n_states, n_actions, dtype=torch.float64)
r[:, 0] = 1.0  # 收手：拿 1 分，结束（不转移到任何状态）
for s in range(n_states):
    p_cont[s, 1, s] = 0.2  # 打滑，原地不动
    if s < 2:
        p_cont[s, 1, s + 1] = 0.8
    else:
        r[s, 1] = 0.8 * 10.0  # 从状态 2 成功前进：拿宝藏，结束


def evaluate_policy(policy, gamma):
    """策略评估：贝尔曼期望方程 V = r_π + γ P_π V 是线性方程组，直接解出来。"""
    idx = torch.arange(n_states)
    p_pi, r_pi = p_cont[idx, policy], r[idx, policy]
    return torch.linalg.solve(torch.eye(n_states, dtype=torch.float64) - gamma * p_pi, r_pi)


def value_iteration(gamma, tol=1e-12):
    """值迭代：反复套用贝尔曼最优方程 V(s) = max_a [r(s,a) + γ Σ p(s'|s,a) V(s')]。"""
    v = torch.zeros(n_states, dtype=torch.float64)
    while True:
        q = r + gamma * p_cont @ v
        v_new = q.max(dim=1).values
        if (v_new - v).abs().max() < tol:
            return v_new, q
        v = v_new


always_forward = torch.tensor([1, 1, 1])
for gamma in (0.3, 0.9):
    v_fwd = evaluate_policy(always_forward, gamma)
    # 把解代回方程，残差应当是 0（只剩舍入误差）
    idx = torch.arange(n_states)
    residual = v_fwd - (r[idx, 1] + gamma * p_cont[idx, 1] @ v_fwd)
    v_star, q_star = value_iteration(gamma)
    names = ["收手" if a == 0 else "前进" for a in q_star.argmax(dim=1).tolist()]
    print(f"γ={gamma}")
    print("  一直前进的价值 V^π：", [round(x, 3) for x in v_fwd.tolist()])
    print("  代回贝尔曼方程，残差 < 1e-12：", residual.abs().max().item() < 1e-12)
    print("  最优价值 V*：      ", [round(x, 3) for x in v_star.tolist()])
    print("  最优动作：", names)
