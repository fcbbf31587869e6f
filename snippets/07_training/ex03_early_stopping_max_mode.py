import math


class EarlyStopping:
    """可以监控“越小越好”（损失）或“越大越好”（准确率）的早停。"""

    def __init__(self, patience=3, min_delta=0.0, mode="min"):
        if mode not in ("min", "max"):
            raise ValueError("mode 只能是 'min' 或 'max'")
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self.best = math.inf if mode == "min" else -math.inf
        self.best_epoch = 0
        self.bad_epochs = 0

    def is_improvement(self, value):
        if self.mode == "min":
            return value < self.best - self.min_delta
        return value > self.best + self.min_delta

    def step(self, value, epoch):
        if self.is_improvement(value):
            self.best, self.best_epoch, self.bad_epochs = value, epoch, 0
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience


# 一串假想的验证准确率：前期明显上升，后期每隔一轮涨 0.001，几乎是原地踏步
val_accs = [0.62, 0.71, 0.78, 0.80, 0.803, 0.806, 0.804, 0.807, 0.806, 0.808, 0.807, 0.809]

for min_delta in (0.0, 0.005):
    stopper = EarlyStopping(patience=3, min_delta=min_delta, mode="max")
    for epoch, acc in enumerate(val_accs, start=1):
        if stopper.step(acc, epoch):
            print(f"min_delta={min_delta}: 第 {epoch} 轮停止", end="，")
            break
    else:
        print(f"min_delta={min_delta}: 跑满 {len(val_accs)} 轮也没有停", end="，")
    print(f"最好的是第 {stopper.best_epoch} 轮（准确率 {stopper.best}）")

# mode="min" 时行为与正文里的版本相同
losses = [1.0, 0.8, 0.7, 0.72, 0.71, 0.73]
stopper = EarlyStopping(patience=3, mode="min")
stopped = next(e for e, v in enumerate(losses, start=1) if stopper.step(v, e))
print(f"监控损失：第 {stopped} 轮停止，最好的是第 {stopper.best_epoch} 轮（损失 {stopper.best}）")
