// The spec-independent runtime that generated clients call.
