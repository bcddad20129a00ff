;; A valid module, but not a dynamic library: no dylink.0 section.
(module (func (export "f")))
