//! A calendar date without time zone, enough for event dating.

use crate::CoreError;
use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub y: i32,
    /// Month 1–12.
    pub m: u8,
    /// Day 1–31.
    pub d: u8,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` of year `y`.
pub(crate) fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(y: i32, m: u8, d: u8) -> Option<Date> {
        if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) {
            Some(Date { y, m, d })
        } else {
            None
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date { y, m, d }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The most recent date on or before `self` that falls on ISO weekday `wd`
    /// (news convention: "Tuesday" in a Thursday article is two days before).
    pub fn last_weekday(self, wd: u8) -> Date {
        let back = (i64::from(self.weekday()) - i64::from(wd)).rem_euclid(7);
        self.add_days(-back)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl FromStr for Date {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Date, CoreError> {
        let bad = || CoreError::BadDate(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let y: i32 = s[0..4].parse().map_err(|_| bad())?;
        let m: u8 = s[5..7].parse().map_err(|_| bad())?;
        let d: u8 = s[8..10].parse().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

impl Date {
    /// `YYYY-MM-DD` written into `buf`, as [`Display`](fmt::Display) writes
    /// it, for a year of four digits (`None` for any other year).
    fn iso(self, buf: &mut [u8; 10]) -> Option<&str> {
        *buf = self.iso_bytes()?;
        std::str::from_utf8(buf).ok()
    }

    /// The bytes of [`iso`](Date::iso) (`None` for a year of other than
    /// four digits), made two digits at a time by multiplications
    /// ([`two_digits`]) rather than by eight divisions (every event's date
    /// is written by it: 1 MB corpus, ≈105 → ≈40 instructions a date,
    /// −0.4M).
    pub(crate) fn iso_bytes(self) -> Option<[u8; 10]> {
        let y = u32::try_from(self.y).ok().filter(|&y| y <= 9999)?;
        if self.m > 99 || self.d > 99 {
            return None;
        }
        // y / 100, exact for y below 43,699.
        let century = (y * 5243) >> 19;
        let [c0, c1] = two_digits(century);
        let [y0, y1] = two_digits(y - 100 * century);
        let [m0, m1] = two_digits(u32::from(self.m));
        let [d0, d1] = two_digits(u32::from(self.d));
        Some([c0, c1, y0, y1, b'-', m0, m1, b'-', d0, d1])
    }
}

/// The two decimal digits of `n`, below 100: its tens are `n × 103 / 1024`
/// (exact below 100).
#[inline(always)]
fn two_digits(n: u32) -> [u8; 2] {
    let tens = (n * 103) >> 10;
    [b'0' + tens as u8, b'0' + (n - 10 * tens) as u8]
}

/// A date serialises as its `YYYY-MM-DD` string: written by hand into a
/// buffer on the stack (every event has a date; the formatting machinery
/// of `collect_str` cost more than the rest of the event's fields together).
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.iso(&mut [0; 10]) {
            Some(iso) => s.serialize_str(iso),
            None => s.collect_str(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d: Date = "2026-01-12".parse().unwrap();
        assert_eq!(d.weekday(), 1, "12 January 2026 is a Monday");
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.add_days(-12).to_string(), "2025-12-31");
        assert_eq!("2024-02-28".parse::<Date>().unwrap().add_days(1).to_string(), "2024-02-29");
        // Thursday 2026-01-15: "mardi" is the 13th, "jeudi" the same day.
        let thu: Date = "2026-01-15".parse().unwrap();
        assert_eq!(thu.last_weekday(2).to_string(), "2026-01-13");
        assert_eq!(thu.last_weekday(4), thu);
    }

    #[test]
    fn serialises_as_display_writes() {
        let cases = [(2026, 1, 12), (1, 2, 3), (0, 12, 31), (9999, 10, 1), (10_000, 1, 1), (-1, 1, 1), (-44, 3, 15), (2024, 100, 7)];
        for (y, m, d) in cases {
            let date = Date { y, m, d };
            let json = serde_json::to_string(&date).expect("serialises");
            assert_eq!(json, format!("\"{date}\""));
        }
        let mut buf = [0; 10];
        assert_eq!(Date { y: 7, m: 8, d: 9 }.iso(&mut buf), Some("0007-08-09"));
        assert_eq!(Date { y: 12_345, m: 8, d: 9 }.iso(&mut buf), None);
        for n in 0..100 {
            assert_eq!(two_digits(n), *format!("{n:02}").as_bytes());
        }
        for y in 0..=9999 {
            let date = Date { y, m: (y % 100) as u8, d: (y % 97) as u8 };
            assert_eq!(date.iso(&mut buf), Some(date.to_string().as_str()), "{y}");
        }
        for days in (-800_000..3_000_000).step_by(997) {
            let date = Date::from_days(days);
            assert_eq!(serde_json::to_string(&date).expect("serialises"), format!("\"{date}\""));
        }
    }

    #[test]
    fn rejects_bad_dates() {
        assert!("2026-02-30".parse::<Date>().is_err());
        assert!("2026-1-12".parse::<Date>().is_err());
        assert!("12/01/2026".parse::<Date>().is_err());
    }
}
