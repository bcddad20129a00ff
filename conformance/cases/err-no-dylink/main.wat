(module
  (@custom "dylink.0" "\02\0d\01\0blibplain.so")
  (func (export "_start")))
