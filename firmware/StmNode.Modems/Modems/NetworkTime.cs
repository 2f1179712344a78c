using System;
using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>
    /// Parses the modem clock into UTC: the 27.007 string "yy/MM/dd,hh:mm:ss±zz" (zz = quarter hours from UTC), and the
    /// MediaTek MT2625 form of the BC26 and its siblings "yyyy/MM/dd,hh:mm:ssGMT±h" (h = whole hours; local time
    /// with its zone as in 27.007 is assumed, docs/modems.md).
    /// </summary>
    public static class NetworkTime
    {
        /// <summary>
        /// False for malformed text and for the modem's power-on default (a year before 2020), which means the
        /// network has not sent the time yet.
        /// </summary>
        public static bool TryParse(string text, out DateTime utc)
        {
            utc = DateTime.MinValue;
            if (text == null || text.Length < 17)
            {
                return false;
            }

            int comma = text.IndexOf(',');
            if (comma < 0)
            {
                return false;
            }

            string[] date = text.Substring(0, comma).Split(new char[] { '/' });
            string time = text.Substring(comma + 1);
            int gmt = time.IndexOf("GMT");
            int zoneAt = time.IndexOf('+') >= 0 ? time.IndexOf('+') : time.IndexOf('-');
            if (gmt >= 0 && zoneAt != gmt + 3)
            {
                return false;
            }

            string clock = gmt >= 0 ? time.Substring(0, gmt) : (zoneAt >= 0 ? time.Substring(0, zoneAt) : time);
            string[] hms = clock.Split(new char[] { ':' });
            int quarters = 0;
            if (date.Length != 3 || hms.Length != 3 || (zoneAt >= 0 && !AtFields.TryParseInt(time.Substring(zoneAt + (time[zoneAt] == '+' ? 1 : 0)), out quarters)))
            {
                return false;
            }

            if (gmt >= 0)
            {
                // Whole hours: UTC-12 .. UTC+14 exist.
                if (quarters < -12 || quarters > 14)
                {
                    return false;
                }

                quarters *= 4;
            }

            int year, month, day, hour, minute, second;
            if (!AtFields.TryParseInt(date[0], out year) || !AtFields.TryParseInt(date[1], out month) || !AtFields.TryParseInt(date[2], out day)
                || !AtFields.TryParseInt(hms[0], out hour) || !AtFields.TryParseInt(hms[1], out minute) || !AtFields.TryParseInt(hms[2], out second))
            {
                return false;
            }

            year += year >= 100 ? 0 : (year < 70 ? 2000 : 1900);
            if (year < 2020 || year > 2099 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59 || quarters < -96 || quarters > 96)
            {
                return false;
            }

            utc = new DateTime(year, month, day, hour, minute, second).AddMinutes(-15 * quarters);
            return true;
        }
    }
}
