import torch
from torch import nn

torch.manual_seed(0)


def make_hiring_data(n, generator):
    """生成的招聘数据：历史标签对 1 组不公平，邮编分数是敏感属性的代理变量。"""
    group = (torch.rand(n, generator=generator) < 0.3).long()  # 敏感属性：1 组占 30%
    skill = torch.randn(n, generator=generator)  # 两组能力分布完全相同
    experience = torch.randn(n, generator=generator)
    zip_score = 1.5 * group + 0.5 * torch.randn(n, generator=generator)  # 代理变量
    # 历史上的录用决定：除了能力和经验，还对 1 组扣了分（历史偏见写进了标签）
    merit = skill + 0.5 * experience + 0.5 * torch.randn(n, generator=generator)
    qualified = (merit > 0).float()  # 真正是否胜任：只有生成数据才知道
    label = (merit - 0.8 * group > 0).float()
    features = torch.stack([skill, experience, zip_score], dim=1)  # 模型看不到 group
    return features, label, qualified, group


def train_logistic(x, y, weight=None, steps=300):
    """全批量训练逻辑回归；weight 是每个样本的权重（用于重加权）。"""
    torch.manual_seed(0)
    model = nn.Linear(x.shape[1], 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    loss_fn = nn.BCEWithLogitsLoss(weight=weight)
    for _ in range(steps):
        optimizer.zero_grad()
        loss_fn(model(x).squeeze(1), y).backward()
        optimizer.step()
    return model


def summarize(name, pred, y, qualified, group):
    """一行汇总：人口均等差、按真实胜任的 TPR 差、对历史标签和对真实胜任的准确率。"""
    rate = [pred[group == g].float().mean().item() for g in (0, 1)]
    tpr = [pred[(group == g) & (qualified == 1)].float().mean().item() for g in (0, 1)]
    acc_hist = (pred == y).float().mean().item()
    acc_true = (pred == qualified).float().mean().item()
    print(
        f"{name}：录用率差 {rate[0] - rate[1]:.3f}  TPR 差 {tpr[0] - tpr[1]:.3f}"
        f"  准确率（历史）{acc_hist:.3f}  准确率（真实）{acc_true:.3f}"
    )


gen = torch.Generator().manual_seed(1)
x_train, y_train, q_train, g_train = make_hiring_data(4000, gen)
x_test, y_test, q_test, g_test = make_hiring_data(4000, gen)

# 基线：照着历史标签学
base = train_logistic(x_train, y_train)
with torch.no_grad():
    base_score = base(x_test).squeeze(1)
summarize("基线", (base_score > 0).long(), y_test, q_test, g_test)

# 缓解一：重加权（reweighing）。w(a, y) = P(a)·P(y) / P(a, y)，
# 加权之后，敏感属性与标签在训练集里统计独立
weight = torch.empty_like(y_train)
for a in (0, 1):
    for label in (0.0, 1.0):
        cell = (g_train == a) & (y_train == label)
        p_a = (g_train == a).float().mean()
        p_y = (y_train == label).float().mean()
        weight[cell] = p_a * p_y / cell.float().mean()
print("四个格子的权重：", sorted({round(w, 2) for w in weight.tolist()}))
reweighed = train_logistic(x_train, y_train, weight=weight)
with torch.no_grad():
    rw_pred = (reweighed(x_test).squeeze(1) > 0).long()
summarize("重加权", rw_pred, y_test, q_test, g_test)

# 缓解二：按组设阈值（后处理）。在训练集上给 1 组找一个阈值，使两组录用率相同
with torch.no_grad():
    train_score = base(x_train).squeeze(1)
target_rate = (train_score[g_train == 0] > 0).float().mean()
threshold_1 = torch.quantile(train_score[g_train == 1], 1 - target_rate).item()
print(f"1 组的新阈值（logit）：{threshold_1:.2f}")
thresholds = torch.where(g_test == 1, threshold_1, 0.0)
summarize("按组阈值", (base_score > thresholds).long(), y_test, q_test, g_test)
