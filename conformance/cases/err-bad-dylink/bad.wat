;; dylink.0 whose needed subsection claims 3 names but holds one, then ends.
(module
  (@custom "dylink.0" "\02\03\03\01a"))
