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


def group_report(pred, y, qualified, group):
    """按组统计：录用率、相对历史标签的 TPR 与准确率、相对真实胜任与否的 TPR。"""
    rows = {}
    for g in (0, 1):
        m = group == g
        rows[g] = {
            "rate": pred[m].float().mean().item(),
            "tpr": pred[m & (y == 1)].float().mean().item(),
            "acc": (pred[m] == y[m]).float().mean().item(),
            "tpr_true": pred[m & (qualified == 1)].float().mean().item(),
        }
    return rows


gen = torch.Generator().manual_seed(1)
x_train, y_train, q_train, g_train = make_hiring_data(4000, gen)
x_test, y_test, q_test, g_test = make_hiring_data(4000, gen)

model = train_logistic(x_train, y_train)
with torch.no_grad():
    pred = (model(x_test).squeeze(1) > 0).long()

print("权重（能力, 经验, 邮编）：", [round(w, 2) for w in model.weight[0].tolist()])
print(
    f"历史标签录用率：0 组 {y_test[g_test == 0].mean():.3f}  1 组 {y_test[g_test == 1].mean():.3f}"
)
rows = group_report(pred, y_test, q_test, g_test)
for g in (0, 1):
    r = rows[g]
    print(
        f"{g} 组：预测录用率 {r['rate']:.3f}  准确率 {r['acc']:.3f}"
        f"  TPR（历史标签）{r['tpr']:.3f}  TPR（真实胜任）{r['tpr_true']:.3f}"
    )
print(f"人口均等差（录用率之差）：{rows[0]['rate'] - rows[1]['rate']:.3f}")
print(f"机会均等差，按历史标签：{rows[0]['tpr'] - rows[1]['tpr']:.3f}")
print(f"机会均等差，按真实胜任：{rows[0]['tpr_true'] - rows[1]['tpr_true']:.3f}")
print(f"总体准确率（对历史标签）：{(pred == y_test).float().mean():.3f}")
