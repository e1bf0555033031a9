#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark reference, not part of ctg: loads YAML files with PyYAML's C
loader (CSafeLoader, libyaml) and nothing else (tests/bench/run.sh)."""
import sys

import yaml

for path in sys.argv[1:]:
    with open(path, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
