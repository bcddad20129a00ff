(module
  (@custom "dylink.0" "\02\0c\01\0alibwide.so")
  (func (export "_start")))
