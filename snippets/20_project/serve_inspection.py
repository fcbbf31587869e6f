import csv
import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import torch
from torchvision.io import ImageReadMode, decode_image, encode_png

MAX_BODY = 64 * 1024  # 一张 32×32 的灰度 PNG 不到 2 KiB，64 KiB 已经很宽裕


# --8<-- [start:inspector]
class InspectionService:
    """启动时读一次模型卡和 .pt2，之后每个请求只做：解码 -> 检查 -> 推理 -> 按阈值判定。"""

    def __init__(self, card_path):
        self.card = json.loads(Path(card_path).read_text(encoding="utf-8"))
        self.module = torch.export.load(self.card["model"]).module()
        self.shape = tuple(self.card["input"]["shape"][1:])  # (1, 32, 32)
        with torch.inference_mode():  # 预热：第一次调用的初始化别让第一个请求来等
            self.module(torch.zeros(1, *self.shape, dtype=torch.uint8))

    def inspect(self, png_bytes):
        """返回 (HTTP 状态码, JSON 响应体)。"""
        try:
            image = decode_image(torch.frombuffer(bytearray(png_bytes), dtype=torch.uint8),
                                 mode=ImageReadMode.UNCHANGED)  # fmt: skip
        except RuntimeError:
            return 400, {"error": "无法解码：请求体不是有效的 PNG"}
        if tuple(image.shape) != self.shape:
            return 422, {"error": f"需要 {self.shape} 的灰度图，收到 {tuple(image.shape)}"}
        with torch.inference_mode():
            probs = self.module(image.unsqueeze(0))[0]
        score = 1 - probs[0].item()  # 缺陷分数 = 1 - P(good)
        reject = score >= self.card["threshold"]
        return 200, {
            "verdict": "reject" if reject else "accept",
            "defect_score": round(score, 3),
            "likely_type": self.card["classes"][int(probs[1:].argmax()) + 1] if reject else None,
        }


# --8<-- [end:inspector]


# --8<-- [start:http]
class Handler(BaseHTTPRequestHandler):
    service = None  # 启动时赋值，所有请求共用一份模型

    def reply(self, status, body):  # 回 JSON 的写法与第 10 章的服务相同
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "ok", "threshold": round(self.service.card["threshold"], 3)})
        else:
            self.reply(404, {"error": f"没有这个路径：{self.path}"})

    def do_POST(self):
        if self.path != "/inspect":
            return self.reply(404, {"error": f"没有这个路径：{self.path}"})
        if self.headers.get("Content-Type") != "image/png":
            return self.reply(415, {"error": "请求体要用 Content-Type: image/png 发送 PNG 图像"})
        length = int(self.headers.get("Content-Length", 0))
        if length > MAX_BODY:  # 先看长度再读：别把一个超大的请求体整个读进内存
            return self.reply(413, {"error": f"图像太大：{length} 字节，上限 {MAX_BODY}"})
        self.reply(*self.service.inspect(self.rfile.read(length)))

    def log_message(self, *args):  # 不把每个请求打印到终端
        pass


Handler.service = InspectionService("model_card.json")
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # 只在本机监听，端口由系统挑
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
url = f"http://127.0.0.1:{server.server_address[1]}"
# --8<-- [end:http]


# --8<-- [start:client]
def post_png(body, content_type="image/png"):
    request = urllib.request.Request(url + "/inspect", data=body, method="POST")
    request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:  # 4xx 也带着 JSON 响应体
        return err.code, json.loads(err.read())


try:
    with urllib.request.urlopen(url + "/health", timeout=10) as response:
        print("GET /health ->", response.status, json.loads(response.read()))
    with open("data/manifest.csv", newline="", encoding="utf-8") as f:
        test_rows = [r for r in csv.DictReader(f) if r["split"] == "test"]
    for label in ["good", "scratch", "spot", "dent"]:  # 每类取测试集里的第一张，原样发送 PNG 文件
        row = next(r for r in test_rows if r["label"] == label)
        status, body = post_png(Path("data", row["file"]).read_bytes())
        print(f"{label:8s}-> {status} {body}")
    print("不是 PNG   ->", *post_png(b"hello"))
    print("错的类型   ->", *post_png(b"{}", content_type="application/json"))
    big = encode_png(torch.zeros(1, 48, 48, dtype=torch.uint8)).numpy().tobytes()
    print("48×48 图像 ->", *post_png(big))
finally:
    server.shutdown()  # 停下 serve_forever 循环
    server.server_close()  # 关掉监听的套接字，释放端口
    thread.join()
print("服务已关闭：", not thread.is_alive())
# --8<-- [end:client]
