import json

import torch
from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

torch.manual_seed(0)

# 假装这是生成模型的输出：一张 128×128 的随机彩色图
pixels = (torch.rand(128, 128, 3) * 255).to(torch.uint8)
image = Image.fromarray(pixels.numpy())

# 显式标识：用户直接看得到的文字标记
ImageDraw.Draw(image).rectangle((0, 112, 127, 127), fill=(255, 255, 255))
ImageDraw.Draw(image).text((4, 114), "AI-generated", fill=(0, 0, 0))

# 隐式标识：写进文件元数据，肉眼看不到、程序读得到。字段名只是示意，
# 正式格式以配套国家标准为准
label = {"Label": "AIGC", "ContentProducer": "example-service", "ProduceID": "demo-0001"}
meta = PngInfo()
meta.add_text("AIGC", json.dumps(label))
image.save("generated.png", pnginfo=meta)

# 传播平台一侧：读取元数据，判断是否为 AI 生成内容
loaded = Image.open("generated.png")
print("尺寸：", loaded.size)
print("元数据：", loaded.text)
print("是否标注为 AI 生成：", json.loads(loaded.text.get("AIGC", "{}")).get("Label") == "AIGC")

# 元数据很脆弱：转存成 JPEG（或者截图）之后，隐式标识就没了，显式标识还在画面里
loaded.convert("RGB").save("reencoded.jpg", quality=90)
print("转存为 JPEG 后还有 AIGC 字段吗：", "AIGC" in Image.open("reencoded.jpg").info)
