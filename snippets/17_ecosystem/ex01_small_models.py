from torchvision import models

# 只读权重枚举里的元数据，不建模型、不下载权重
rows = []
for name in models.list_models(module=models):
    weights = models.get_model_weights(name).DEFAULT
    meta = weights.meta
    rows.append((meta["num_params"], name, meta["_metrics"]["ImageNet-1K"]["acc@1"]))

small = sorted(row for row in rows if row[0] < 5_000_000)
print(f"分类模型共 {len(rows)} 个，参数少于 500 万的 {len(small)} 个：")
for num_params, name, acc in small:
    print(f"{name:<22} {num_params / 1e6:5.2f} M  top-1 {acc:.1f}%")

best = max(small, key=lambda row: row[2])
print(f"其中 top-1 最高：{best[1]}")
