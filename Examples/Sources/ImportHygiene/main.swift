// Nothing runs: the check is that the package compiles.
print("import hygiene: WherebyAPI, Vapor and Hummingbird compile together")
