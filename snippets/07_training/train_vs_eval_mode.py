import torch
from torch import nn

torch.manual_seed(0)

# 1) Dropout：训练模式随机置零并把保留的值放大 1/(1-p)；评估模式原样通过
dropout = nn.Dropout(p=0.5)
x = torch.ones(1, 8)
dropout.train()
print(f"Dropout 训练模式：{dropout(x)}")
dropout.eval()
print(f"Dropout 评估模式：{dropout(x)}")

# 2) BatchNorm：训练模式用本批次的均值方差并更新滑动平均；评估模式用滑动平均
#    （打印时 + 0.0 只是把 -0.0 显示成 0.0）
bn = nn.BatchNorm1d(2)
batch = torch.tensor([[1.0, 10.0], [3.0, 14.0], [5.0, 18.0]])
print("初始 running_mean:", bn.running_mean)
bn.train()
print("BN 训练模式输出：\n", bn(batch).detach().round(decimals=3) + 0.0)
print("前向一次后 running_mean:", bn.running_mean)
bn.eval()
print("BN 评估模式输出：\n", bn(batch).detach().round(decimals=3) + 0.0)
print(f"评估后 running_mean 不变：{bn.running_mean}")

# 3) 同一个模型、同一个输入：训练模式两次结果不同，评估模式两次相同
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 1))
sample = torch.randn(1, 4)
model.train()
print(f"训练模式两次前向相同吗：{torch.equal(model(sample), model(sample))}")
model.eval()
print(f"评估模式两次前向相同吗：{torch.equal(model(sample), model(sample))}")

# 4) eval() 不关梯度，no_grad() 不关 Dropout：两件事要分别做
model.eval()
print("只调用 eval()，输出 requires_grad:", model(sample).requires_grad)
model.train()
with torch.no_grad():
    out1, out2 = model(sample), model(sample)
print("只用 no_grad()，输出 requires_grad:", out1.requires_grad)
print(f"只用 no_grad()，Dropout 仍在起作用（两次相同吗）：{torch.equal(out1, out2)}")

# 5) inference_mode 比 no_grad 更彻底：得到的是“推理张量”，不能再参与自动微分
model.eval()
with torch.inference_mode():
    pred = model(sample)
print(f"inference_mode 输出是推理张量：{pred.is_inference()}")
try:
    (pred * torch.ones(1, requires_grad=True)).sum().backward()
except RuntimeError as err:
    print(f"把推理张量用于反向传播会报错：{type(err).__name__}")
