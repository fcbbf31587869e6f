from importlib.metadata import PackageNotFoundError, requires, version


def installed(name):
    try:
        return version(name).split("+")[0]  # 去掉 +cpu、+cu130 这类本地后缀
    except PackageNotFoundError:
        return None


# torch 与 torchvision 成对锁定（见第 1 章）
print(f"torch {installed('torch')} + torchvision {installed('torchvision')}")

# 生态库：安装的版本，以及它在元数据里声明的对 torch 系列的要求
packages = [
    "lightning",
    "torchmetrics",
    "transformers",
    "tokenizers",
    "huggingface_hub",
    "timm",
    "safetensors",
    "tensorboard",
    "torchaudio",
    "torchcodec",
    "torchtext",
]
for name in packages:
    ver = installed(name)
    if ver is None:
        print(f"{name:<16} 未安装")
        continue
    torch_reqs = [
        req.split(";")[0].replace(" ", "")
        for req in requires(name) or []
        if req.startswith("torch") and "extra ==" not in req
    ]
    print(f"{name:<16} {ver:<8} 要求：{', '.join(torch_reqs) or '不依赖 torch'}")
