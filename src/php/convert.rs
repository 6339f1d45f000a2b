//! PHP values <-> JSON values at the boundary.
//!
//! PHP arrays are lists or maps at once; JSON needs one or the other. An array whose keys are
//! exactly 0..n-1 in order becomes a JSON array, anything else a JSON object, as `json_encode`
//! does. PHP strings are bytes: invalid UTF-8 is replaced by U+FFFD instead of failing the whole
//! answer. Floats that JSON cannot hold (NAN, INF) become null.
//!
//! Matomo's reports are DataTable objects, inside a result or at its top. Only Matomo's own JSON
//! renderer writes them as Matomo's `format=json` does, so where a conversion meets one it asks
//! the plugin's bridge to render that table (`renderDataTable`): the result is walked once, here.

use crate::memory;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ZendHashTable, ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;
use serde_json::{Map, Number, Value};

/// Deeper nesting than `json_encode`'s default is refused rather than recursed into.
const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertError(pub String);

/// Why a Matomo answer was not read: it would take Rust past what `memory_limit` leaves.
pub const TOO_LARGE: &str = "the answer needs more memory than PHP's memory_limit leaves this request";
/// Array elements between two looks at the heap (a look is one atomic load).
const CHECK_EVERY: usize = 1024;

/// What every Matomo report object implements (`DataTable`, `DataTable\Map`, `DataTable\Simple`).
const DATA_TABLE_INTERFACE: &str = "Piwik\\DataTable\\DataTableInterface";

/// Renders one DataTable object (given as its zval) into a plain PHP value.
pub type TableRenderer<'a> = &'a dyn Fn(&Zval) -> Result<Zval, ConvertError>;

/// A PHP value as JSON; objects are read by their public properties.
pub fn to_value(zv: &Zval) -> Result<Value, ConvertError> {
    Conversion {
        tables: None,
        ceiling: None,
    }
    .value(zv, 0)
}

/// A Matomo result as JSON, with each DataTable in it rendered by `render`, refused with
/// [`TOO_LARGE`] rather than read past `memory_limit`.
pub fn to_value_rendering_tables(zv: &Zval, render: TableRenderer<'_>) -> Result<Value, ConvertError> {
    // when no DataTable class was ever loaded the result holds none, and nothing is rendered
    let tables = ClassEntry::try_find(DATA_TABLE_INTERFACE).map(|class| (class, render));
    let ceiling = memory::headroom().map(|room| memory::live_bytes().saturating_add(room));
    Conversion { tables, ceiling }.value(zv, 0)
}

/// An array key as PHP has it: an integer, or a string of any bytes.
pub enum Key {
    Long(i64),
    Text(String),
}

impl Key {
    fn into_text(self) -> String {
        match self {
            Key::Long(n) => n.to_string(),
            Key::Text(s) => s,
        }
    }
}

/// The entries of a PHP array in order. ext-php-rs's own iterator panics on a string key that is
/// not UTF-8 (Matomo data can have one); here such a key is read lossily, as values are.
pub fn entries(ht: &ZendHashTable) -> impl Iterator<Item = (Key, &Zval)> {
    let mut it = ht.iter();
    std::iter::from_fn(move || {
        let (key, value) = it.next_zval()?;
        let key = match key.long() {
            Some(n) => Key::Long(n),
            None => Key::Text(
                key.zend_str()
                    .map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned())
                    .unwrap_or_default(),
            ),
        };
        Some((key, value))
    })
}

fn is_list(ht: &ZendHashTable) -> bool {
    entries(ht)
        .enumerate()
        .all(|(i, (k, _))| matches!(k, Key::Long(n) if n == i as i64))
}

struct Conversion<'a> {
    tables: Option<(&'static ClassEntry, TableRenderer<'a>)>,
    /// The most bytes the extension's heap may hold while reading (`None`: no limit).
    ceiling: Option<usize>,
}

impl Conversion<'_> {
    fn fits(&self, more: usize) -> Result<(), ConvertError> {
        match self.ceiling {
            Some(c) if memory::live_bytes().saturating_add(more) > c => Err(ConvertError(TOO_LARGE.into())),
            _ => Ok(()),
        }
    }

    fn value(&self, zv: &Zval, depth: usize) -> Result<Value, ConvertError> {
        if depth > MAX_DEPTH {
            return Err(ConvertError("value nested too deeply".into()));
        }
        let zv = zv.dereference();
        if zv.is_null() {
            return Ok(Value::Null);
        }
        if let Some(b) = zv.bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(n) = zv.long() {
            return Ok(Value::from(n));
        }
        if let Some(f) = zv.double() {
            return Ok(Number::from_f64(f).map_or(Value::Null, Value::Number));
        }
        if let Some(s) = zv.zend_str() {
            self.fits(s.len())?;
            return Ok(Value::String(String::from_utf8_lossy(s.as_bytes()).into_owned()));
        }
        if let Some(ht) = zv.array() {
            return self.array(ht, depth);
        }
        if let Some(obj) = zv.object() {
            if let Some((class, render)) = self.tables
                && obj.instance_of(class)
            {
                // the rendering is plain data: no table can hide in it
                let plain = Conversion {
                    tables: None,
                    ceiling: self.ceiling,
                };
                return plain.value(&render(zv)?, depth + 1);
            }
            return self.object(obj, depth);
        }
        Err(ConvertError(format!(
            "a PHP {:?} cannot be represented in JSON",
            zv.get_type()
        )))
    }

    fn array(&self, ht: &ZendHashTable, depth: usize) -> Result<Value, ConvertError> {
        self.fits(ht.len().saturating_mul(std::mem::size_of::<Value>()))?;
        if is_list(ht) {
            let mut items = Vec::with_capacity(ht.len());
            for (i, (_, v)) in entries(ht).enumerate() {
                if i % CHECK_EVERY == CHECK_EVERY - 1 {
                    self.fits(0)?;
                }
                items.push(self.value(v, depth + 1)?);
            }
            Ok(Value::Array(items))
        } else {
            let mut map = Map::with_capacity(ht.len());
            for (i, (k, v)) in entries(ht).enumerate() {
                if i % CHECK_EVERY == CHECK_EVERY - 1 {
                    self.fits(0)?;
                }
                map.insert(k.into_text(), self.value(v, depth + 1)?);
            }
            Ok(Value::Object(map))
        }
    }

    /// Public properties only, like `json_encode` of a plain object (mangled names start with NUL).
    fn object(&self, obj: &ZendObject, depth: usize) -> Result<Value, ConvertError> {
        let props = obj
            .get_properties()
            .map_err(|e| ConvertError(format!("unreadable object: {e}")))?;
        let mut map = Map::with_capacity(props.len());
        for (k, v) in entries(props) {
            let name = k.into_text();
            if !name.starts_with('\0') {
                map.insert(name, self.value(v, depth + 1)?);
            }
        }
        Ok(Value::Object(map))
    }
}

/// JSON -> PHP array/scalar, equal to `json_decode($json, true)`.
pub fn to_zval(v: &Value) -> ext_php_rs::error::Result<Zval> {
    let mut zv = Zval::new();
    match v {
        Value::Null => zv.set_null(),
        Value::Bool(b) => zv.set_bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => zv.set_long(i),
            None => zv.set_double(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => zv.set_string(s, false)?,
        Value::Array(items) => {
            let mut ht: ZBox<ZendHashTable> =
                ZendHashTable::with_capacity(u32::try_from(items.len()).unwrap_or(u32::MAX));
            for item in items {
                ht.push(to_zval(item)?)?;
            }
            zv.set_hashtable(ht);
        }
        Value::Object(map) => zv.set_hashtable(map_to_hashtable(map)?),
    }
    Ok(zv)
}

pub fn map_to_hashtable(map: &Map<String, Value>) -> ext_php_rs::error::Result<ZBox<ZendHashTable>> {
    let mut ht = ZendHashTable::with_capacity(u32::try_from(map.len()).unwrap_or(u32::MAX));
    for (k, item) in map {
        ht.insert(k.as_str(), to_zval(item)?)?;
    }
    Ok(ht)
}
