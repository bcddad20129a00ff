(module
  (@custom "dylink.0" "\02\0b\01\09libbad.so")
  (func (export "_start")))
