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


gen = torch.Generator().manual_seed(1)
x_train, y_train, q_train, g_train = make_hiring_data(4000, gen)
x_test, y_test, q_test, g_test = make_hiring_data(4000, gen)
model = train_logistic(x_train, y_train)
with torch.no_grad():
    pred = (model(x_test).squeeze(1) > 0).long()

acc = {g: (pred[g_test == g] == y_test[g_test == g]).float().mean().item() for g in (0, 1)}
rate = {g: pred[g_test == g].float().mean().item() for g in (0, 1)}

# 模型卡：给使用者看的说明书。数字全部来自上面的评估，而不是手填
card = f"""# 模型卡：简历初筛打分模型（教学示例）

## 模型概况
- 类型：逻辑回归，输入 3 个特征（能力分、经验分、邮编分），输出录用概率
- 版本：0.1，训练框架 PyTorch {torch.__version__.split("+")[0]}
- 许可证：仅供教学演示，不得用于真实招聘

## 预期用途
- 用途：演示公平性评估流程
- 不适用：任何对真人做出录用决定的场景

## 训练数据
- 4000 条生成数据，标签是带有历史偏见的录用记录
- 邮编分与敏感属性高度相关，是代理变量
- 来源与许可：由代码生成，不含个人信息；真实数据要写明来源、许可证与授权依据

## 评估（测试集 4000 条，按组拆分）
| 组 | 预测录用率 | 准确率 |
| --- | --- | --- |
| 0 组 | {rate[0]:.3f} | {acc[0]:.3f} |
| 1 组 | {rate[1]:.3f} | {acc[1]:.3f} |

## 风险与局限
- 人口均等差 {rate[0] - rate[1]:.3f}：模型复现了历史标签里的偏见
- 准确率是对历史标签算的，不等于对真实胜任与否的准确率
"""
with open("MODEL_CARD.md", "w", encoding="utf-8") as f:
    f.write(card)
print(card)
