import json

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from torch import nn


def make_model(cfg):
    return nn.Sequential(
        nn.Linear(cfg["in"], cfg["hidden"]), nn.Tanh(), nn.Linear(cfg["hidden"], cfg["out"])
    )


torch.manual_seed(0)
config = {"in": 6, "hidden": 24, "out": 3}
model = make_model(config).eval()

# 保存：张量转 float16；元数据只能是字符串，所以配置先转成 JSON
half = {k: v.half().contiguous() for k, v in model.state_dict().items()}
save_file(half, "model_fp16.safetensors", metadata={"config": json.dumps(config), "epoch": "12"})

# 读取端第一步：只读元数据，据此搭出模型结构（不读任何张量）
with safe_open("model_fp16.safetensors", framework="pt") as f:
    meta = f.metadata()
cfg = json.loads(meta["config"])
print(f"从元数据还原的配置：{cfg}  轮次：{int(meta['epoch'])}")

# 第二步：读张量，转回 float32 再加载
restored = make_model(cfg).eval()
weights = {k: v.float() for k, v in load_file("model_fp16.safetensors").items()}
print(restored.load_state_dict(weights))

x = torch.randn(5, 6)
with torch.inference_mode():
    a, b = model(x), restored(x)
print("最大误差小于 1e-2:", (a - b).abs().max().item() < 1e-2)
print(f"预测类别一致：{torch.equal(a.argmax(1), b.argmax(1))}")
