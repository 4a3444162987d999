// Line 3 uses an undeclared variable.
void Helper() =>
    Log.Info(undeclared);
