import WherebyCodegenCore
print("whereby-codegen: not yet")
