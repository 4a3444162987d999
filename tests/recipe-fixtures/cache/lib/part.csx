// Edited by the cache specs to prove the entry is invalidated.
string Marker() => "one";
