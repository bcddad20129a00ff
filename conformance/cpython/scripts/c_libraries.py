# The C libraries behind the stdlib's extension modules, exercised through them.
import bz2, decimal, lzma, sqlite3, zlib
import xml.etree.ElementTree as ET

data = b"wasmlink " * 1000
print("zlib", zlib.decompress(zlib.compress(data)) == data, zlib.ZLIB_RUNTIME_VERSION)
print("bz2", bz2.decompress(bz2.compress(data)) == data)
print("lzma", lzma.decompress(lzma.compress(data)) == data)
db = sqlite3.connect(":memory:")
db.execute("create table t (a)")
db.execute("insert into t values (42)")
print("sqlite3", db.execute("select a * 2 from t").fetchone(), sqlite3.sqlite_version)
print("decimal", decimal.Decimal(1) / 7)
root = ET.fromstring("<a><b/><b/></a>")
print("expat", root.find("b").tag, len(root.findall("b")))
