"""The shipped neural encoders, run with NumPy (`encoder`) or ONNX Runtime integer products
(`int8_encoder`); weights are read from `data/models/`, never downloaded."""
