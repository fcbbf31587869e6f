import os

import torch
from torch import nn

torch.manual_seed(0)


def build():
    return nn.Sequential(
        nn.Linear(16, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 4)
    )


model = build()
model.train()
for _ in range(5):  # 假装训练过：让 BatchNorm 攒下一些统计量
    model(torch.randn(32, 16))


def tensor_bytes(sd):
    return sum(t.numel() * t.element_size() for t in sd.values())


# 推理用的文件只需要权重：不要优化器、调度器、随机状态
sd32 = model.state_dict()
# 半精度存储：浮点张量转 float16，整数缓冲区（num_batches_tracked）保持原样
sd16 = {k: v.half() if v.is_floating_point() else v for k, v in sd32.items()}
torch.save(sd32, "model_fp32.pt")
torch.save(sd16, "model_fp16.pt")

print(f"参数个数：{sum(p.numel() for p in model.parameters())}")
print(f"float32 张量字节数：{tensor_bytes(sd32)}")
print(f"float16 张量字节数：{tensor_bytes(sd16)}")
# 文件大小 = 张量字节 + zip 目录、pickle 结构、对齐填充等开销；
# 开销随 PyTorch 版本和文件名略有变化，所以这里只检查量级，不打印具体字节数
overhead = os.path.getsize("model_fp32.pt") - tensor_bytes(sd32)
print("fp32 文件比张量字节多出不到 8 KB:", 0 < overhead < 8192)
print(f"fp16 文件更小：{os.path.getsize('model_fp16.pt') < os.path.getsize('model_fp32.pt')}")

# 部署端：建好同样的结构，加载，切到 eval 模式
deployed = build()
loaded = torch.load("model_fp16.pt", map_location="cpu", weights_only=True)
# load_state_dict 会把 float16 拷进 float32 的参数里，自动转换 dtype
deployed.load_state_dict(loaded)
print("加载后参数 dtype:", deployed[0].weight.dtype)

x = torch.randn(8, 16)
model.eval()
with torch.inference_mode():  # 推理时不记录计算图，比 no_grad 更省
    ref = model(x)
    deployed.eval()  # 关键：让 Dropout 停用、BatchNorm 用攒下的统计量
    out = deployed(x)
    deployed.train()  # 故意忘了 eval 会怎样？
    forgot = deployed(x)
print(f"半精度存储带来的最大误差：{(out - ref).abs().max().item():.2e}")
print(f"预测类别一致：{torch.equal(out.argmax(1), ref.argmax(1))}")
print(f"忘记 eval() 时的最大误差：{(forgot - ref).abs().max().item():.2f}")
