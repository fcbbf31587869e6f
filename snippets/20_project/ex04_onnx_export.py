import csv
import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from torch import nn
from torch.export import Dim
from torchvision.io import ImageReadMode, decode_image

DATA, RUN = Path("data"), Path("runs/main")


# ---- 与 export_model.py 相同的模型定义和部署外壳 ----
def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class DefectNet(nn.Module):
    def __init__(self, mean=0.5, std=0.25):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.features = nn.Sequential(conv_block(1, 8), conv_block(8, 16), conv_block(16, 32))
        self.head = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(32, 4))

    def forward(self, x):
        return self.head(self.features((x - self.mean) / self.std))


class Inspector(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, pixels):
        return self.net(pixels.float() / 255).softmax(dim=1)


# ONNX Runtime 的 CPU 卷积只有 float32 的实现：这里明确建 float32 的模型，
# load_state_dict 把检查点里 float64 的权重逐个转换成 float32
net = DefectNet().float()
net.load_state_dict(torch.load(RUN / "best.pt", map_location="cpu", weights_only=True)["model"])
inspector = Inspector(net).eval()

torch.onnx.export(
    inspector,
    (torch.zeros(2, 1, 32, 32, dtype=torch.uint8),),
    "defect_inspector.onnx",
    dynamo=True,
    input_names=["pixels"],
    output_names=["probs"],
    dynamic_shapes=({0: Dim("batch", min=1, max=256)},),
    external_data=False,
    verbose=False,
)

with open(DATA / "manifest.csv", newline="", encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["split"] == "test"]
pixels = torch.stack([decode_image(str(DATA / r["file"]), mode=ImageReadMode.GRAY) for r in rows])
threshold = json.loads((RUN / "decision.json").read_text())["threshold"]

session = ort.InferenceSession("defect_inspector.onnx", providers=["CPUExecutionProvider"])
(onnx_probs,) = session.run(None, {"pixels": pixels.numpy()})
with torch.inference_mode():
    torch_probs = inspector(pixels).numpy()
print(f"测试集 {len(rows)} 张，输入 {session.get_inputs()[0].type}，输出 {onnx_probs.shape}")
print(f"概率最大差异 < 1e-5：{np.abs(onnx_probs - torch_probs).max() < 1e-5}")
same = ((1 - onnx_probs[:, 0]) >= threshold) == ((1 - torch_probs[:, 0]) >= threshold)
print(f"接收/拒收判定相同：{int(same.sum())}/{len(rows)}")
