"""习题 3 参考答案：从一批 logits 里求预测类别、准确率和正确类别的概率。"""

import torch

logits = torch.tensor(
    [
        [2.0, 0.5, -1.0],
        [0.1, 0.2, 3.0],
        [1.5, 1.4, 0.0],
        [-0.5, 2.5, 0.3],
        [0.0, 0.0, 1.0],
    ]
)
labels = torch.tensor([0, 2, 1, 1, 0])

# 1. 预测类别：每一行最大值的下标
pred = logits.argmax(dim=1)
print("预测类别：", pred)

# 2. 准确率：布尔张量先转浮点再求均值
correct = pred == labels
accuracy = correct.float().mean().item()
print("是否预测正确：", correct)
print(f"准确率：{accuracy:.2f}")

# 3. softmax 概率：减去每行最大值（keepdim 以便广播）再求 exp，数值更稳定
shifted = logits - logits.max(dim=1, keepdim=True).values
probs = shifted.exp() / shifted.exp().sum(dim=1, keepdim=True)
print("每行概率之和都为 1：", torch.allclose(probs.sum(dim=1), torch.ones(5)))
print("与 torch.softmax 一致：", torch.allclose(probs, torch.softmax(logits, dim=1)))

# 4. 正确类别的概率：gather 或整数数组索引
true_prob = probs.gather(1, labels.unsqueeze(1)).squeeze(1)
print("正确类别的概率：", true_prob.round(decimals=4))
print("与整数数组索引一致：", torch.equal(true_prob, probs[torch.arange(5), labels]))

# 5. 找出预测错误的样本编号
print("预测错误的样本：", torch.nonzero(~correct).flatten().tolist())
