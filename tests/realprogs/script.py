# Python workload: objects, containers, closures, a collected cycle, json, re.
import collections
import json
import re


class Node:
    def __init__(self, key, parent=None):
        self.key = key
        self.parent = parent
        self.children = []


def build(depth, fan, parent=None, key="r"):
    node = Node(key, parent)
    if depth:
        node.children = [build(depth - 1, fan, node, key + str(i)) for i in range(fan)]
    return node


def count(node):
    return 1 + sum(count(c) for c in node.children)


tree = build(5, 4)
table = {"k%04d" % i: [i, i * i, str(i)] for i in range(3000)}
tails = collections.Counter(k[-1] for k in table)
words = re.findall(r"[a-z]+\d", " ".join("w%d" % i for i in range(500)) + " x1 y2")
adders = [(lambda n: lambda x: x + n)(i) for i in range(100)]
text = json.dumps({"tree": count(tree), "table": table})
back = json.loads(text)
print(count(tree), len(back["table"]), sorted(tails.items())[:2], len(words),
      sum(f(1) for f in adders))
