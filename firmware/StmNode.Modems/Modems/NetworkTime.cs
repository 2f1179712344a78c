using System;
using StmNode.At;

namespace StmNode.Modems
{
    /// <summary>Parses the 27.007 clock string "yy/MM/dd,hh:mm:ss±zz" (zz = quarter hours from UTC) into UTC.</summary>
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
            int zoneAt = time.IndexOf('+') >= 0 ? time.IndexOf('+') : time.IndexOf('-');
            string clock = zoneAt >= 0 ? time.Substring(0, zoneAt) : time;
            string[] hms = clock.Split(new char[] { ':' });
            int quarters = 0;
            if (date.Length != 3 || hms.Length != 3 || (zoneAt >= 0 && !AtFields.TryParseInt(time.Substring(zoneAt + (time[zoneAt] == '+' ? 1 : 0)), out quarters)))
            {
                return false;
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
