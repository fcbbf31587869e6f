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


gen = torch.Generator().manual_seed(1)
x, y, qualified, group = make_hiring_data(4000, gen)
x_test, _, _, g_test = make_hiring_data(4000, gen)

# 模型输入里没有 group，但能从剩下的特征里把它猜出来吗？
for name, cols in (("只用能力、经验", [0, 1]), ("加上邮编分", [0, 1, 2])):
    torch.manual_seed(0)
    probe = nn.Linear(len(cols), 1)
    optimizer = torch.optim.Adam(probe.parameters(), lr=0.05)
    for _ in range(200):
        optimizer.zero_grad()
        nn.functional.binary_cross_entropy_with_logits(
            probe(x[:, cols]).squeeze(1), group.float()
        ).backward()
        optimizer.step()
    with torch.no_grad():
        acc = ((probe(x_test[:, cols]).squeeze(1) > 0).long() == g_test).float().mean()
    print(f"{name}：猜中敏感属性的准确率 {acc:.3f}")
print(f"永远猜 0 组的准确率：{(g_test == 0).float().mean():.3f}")
