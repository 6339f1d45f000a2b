//! The tool kit: how tools are found, described, validated, repaired, run, paged and shaped,
//! whatever they do. A Matomo tool uses it; it knows no Matomo tool by name.

pub mod access;
pub mod call;
pub mod coerce;
pub mod contributed;
pub mod list;
pub mod output;
pub mod pagination;
pub mod published;
pub mod registry;
pub mod schema;
pub mod tolerance;
pub mod values;
