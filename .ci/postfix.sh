#!/usr/bin/env bash
# CI: a local Postfix for the delivery tests (called by .ci/run; safe to run again).
#
# Installs Debian's postfix if missing ("Local only"), listens on 127.0.0.1:25 only, and
# delivers every mail for the test domain (example.jp, the example city's and the tests'
# addresses) into ONE Maildir, whatever the local part:
#
#   /var/mail/kenshu-test/Maildir/   (new/ holds the delivered mails)
#
# The path is also written to /etc/postfix/kenshu-test-maildir; the integration tests read
# it there, and skip the Postfix test when that file is absent.
# Runs as root. Restarts postfix through systemd when systemd runs; otherwise starts it
# itself, or reloads a running one (restarts it when the listening addresses changed).
set -euo pipefail

domain=example.jp
base=/var/mail/kenshu-test
maildir="$base/Maildir/"
owner=kenshu-test-mail
marker=/etc/postfix/kenshu-test-maildir

if ! command -v postfix >/dev/null 2>&1 || ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q "install ok installed"; then
    echo "ci: installing postfix"
    export DEBIAN_FRONTEND=noninteractive
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string kenshu-test.localdomain" | debconf-set-selections
    apt-get update -qq
    apt-get install -y -qq postfix
fi

# The owner of the Maildir (virtual delivery runs as this user).
id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir "$base" --shell /usr/sbin/nologin "$owner"
uid=$(id -u "$owner")
gid=$(id -g "$owner")
install -d -m 0750 -o "$owner" -g "$owner" "$base"

# Every local part of the test domain to one Maildir (a trailing slash means Maildir).
echo '/./ Maildir/' > /etc/postfix/kenshu-test-mailbox.regexp

listening_before=$(postconf -h inet_interfaces inet_protocols)
postconf -e \
    "inet_interfaces = 127.0.0.1" \
    "inet_protocols = ipv4" \
    "mydestination = localhost" \
    "mynetworks = 127.0.0.0/8" \
    "relayhost =" \
    "virtual_mailbox_domains = $domain" \
    "virtual_mailbox_base = $base" \
    "virtual_mailbox_maps = regexp:/etc/postfix/kenshu-test-mailbox.regexp" \
    "virtual_minimum_uid = $uid" \
    "virtual_uid_maps = static:$uid" \
    "virtual_gid_maps = static:$gid" \
    "virtual_mailbox_limit = 0" \
    "maillog_file = /var/log/postfix.log"
# A host name without a dot makes Postfix complain at every start.
case "$(postconf -h myhostname)" in
    *.*) ;;
    *) postconf -e "myhostname = kenshu-test.localdomain" ;;
esac
# maillog_file is written by postlogd, which master.cf must run.
grep -q '^postlog' /etc/postfix/master.cf || postconf -M postlog/unix-dgram="postlog unix-dgram n - n - 1 postlogd"

echo "$maildir" > "$marker"

# Debian's chroot copies (resolv.conf, services …), as its init script prepares them.
if [ -x /usr/lib/postfix/configure-instance.sh ]; then /usr/lib/postfix/configure-instance.sh - >/dev/null 2>&1 || true; fi
postfix check
if [ -d /run/systemd/system ]; then
    # Under systemd, let it own the daemon (a restart also moves the listening sockets).
    systemctl enable postfix >/dev/null 2>&1 || true
    systemctl restart postfix
elif ! postfix status >/dev/null 2>&1; then
    postfix start
elif [ "$listening_before" != "$(postconf -h inet_interfaces inet_protocols)" ]; then
    # A reload does not move the listening sockets.
    postfix stop
    postfix start
else
    postfix reload
fi

# Wait (at most 20 s) until it answers on 127.0.0.1:25.
for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null; then
        echo "ci: postfix listens on 127.0.0.1:25, mail for @$domain goes to $maildir"
        exit 0
    fi
    sleep 0.2
done
echo "ci: postfix did not start listening on 127.0.0.1:25 (see /var/log/postfix.log)" >&2
exit 1
