@echo off
rem The analysts' tools on Windows (java -jar target\rules-cli\rules-cli.jar), run from the project folder:
rem   bin\rules.cmd validate --update-scenarios      see bin/rules for every command, docs/changing-a-table.md
rem Builds the jar first (mvn -q -B package -DskipTests) when it is missing.
setlocal
set "ROOT=%~dp0.."
if not exist "%ROOT%\target\rules-cli\rules-cli.jar" (
  echo rules: building the jar first ^(mvn -q -B package -DskipTests^) ... 1>&2
  pushd "%ROOT%"
  call mvn -q -B package -DskipTests 1>&2
  popd
)
java -jar "%ROOT%\target\rules-cli\rules-cli.jar" %*
exit /b %ERRORLEVEL%
