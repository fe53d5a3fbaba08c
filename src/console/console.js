// The reviewers' board: plain browser JavaScript against the public API (GraphQL over HTTP for
// queries and mutations, graphql-ws for the live feed). Served by the API itself, no CDN.
(function () {
  'use strict';
  var $ = function (sel) { return document.querySelector(sel); };
  var state = { token: sessionStorage.getItem('icp-console-token'), me: null, selected: null, ws: null, labels: {} };

  function gql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: Object.assign(
        { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        state.token ? { authorization: 'Bearer ' + state.token } : {}
      ),
      body: JSON.stringify({ query: query, variables: variables || {} }),
    }).then(function (r) { return r.json(); }).then(function (res) {
      if (res.errors && res.errors.length) throw new Error(res.errors.map(function (e) { return e.message; }).join('; '));
      return res.data;
    });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—'; }

  var SIGN_IN = 'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { __typename ... on SessionPayload { token account { id displayName role } } ... on AuthenticationError { message } } }';
  var SERVICE_NOUN = { WEBSITE: '网站', APP: 'APP', MINI_PROGRAM: '小程序', QUICK_APP: '快应用' };
  var VIEWER = 'query Viewer { viewer { id displayName role } vocabularies { orderStatuses { code label } filingTypes { code label } materialKinds { code label } } }';
  var QUEUE = 'query Queue { orderCounts { total byStatus { status label count } } orders(first: 50, sort: OLDEST_SUBMISSION) { totalCount nodes { id number status statusLabel version filingType filingTypeLabel provinceCode province { shortName } subject { name } assignee { id displayName } schedule { initialReviewBy } } } }';
  var DETAIL = 'query Order($id: ID!) { node(id: $id) { ... on Order { id number status statusLabel version filingType filingTypeLabel assignee { id displayName } subject { name nature certificateNumber } websites { action service { kind name ... on Website { domains { name } } ... on App { domains { name } } ... on MiniProgram { domains { name } } ... on QuickApp { domains { name } } } } materials { id kind fileName size authenticity } history(first: 100) { totalCount nodes { sequence type actorRole fromStatus toStatus toStatusLabel reason createdAt detail { action assignee { displayName } } } } } } }';
  var CLAIM = 'mutation Claim($orderId: ID!, $version: Int!) { claimOrder(orderId: $orderId, version: $version) { __typename ... on Order { id version assignee { displayName } } ... on ConflictError { message currentVersion } ... on InvalidTransitionError { message } } }';
  var RELEASE = 'mutation Release($orderId: ID!, $version: Int!) { releaseOrder(orderId: $orderId, version: $version) { __typename ... on Order { id version } ... on ConflictError { message } ... on InvalidTransitionError { message } } }';
  var FEED = 'subscription Feed { orderEvents { sequence fromStatus toStatus toStatusLabel reason createdAt order { id number subject { name } } } }';

  function label(kind, code) { return (state.labels[kind] && state.labels[kind][code]) || code || ''; }

  function showBoard() {
    $('#sign-in').hidden = true;
    $('#board').hidden = false;
    $('#sign-out').hidden = false;
    $('#who').textContent = state.me.displayName + ' · ' + state.me.role;
  }

  function renderCounts(counts) {
    var nav = $('#counts');
    nav.textContent = '';
    var all = el('span', null, 'count');
    all.appendChild(el('b', String(counts.total)));
    all.appendChild(document.createTextNode('全部'));
    nav.appendChild(all);
    counts.byStatus.forEach(function (c) {
      if (c.status === 'DRAFT') return;
      var span = el('span', null, 'count');
      span.dataset.status = c.status;
      span.appendChild(el('b', String(c.count)));
      span.appendChild(document.createTextNode(c.label));
      nav.appendChild(span);
    });
  }

  function renderQueue(orders) {
    var body = $('#queue tbody');
    body.textContent = '';
    $('#queue-total').textContent = orders.totalCount + ' 单';
    orders.nodes.forEach(function (o) {
      var tr = el('tr');
      tr.dataset.id = o.id;
      if (state.selected === o.id) tr.className = 'selected';
      tr.appendChild(el('td', o.number));
      tr.appendChild(el('td', o.subject.name));
      tr.appendChild(el('td', o.filingTypeLabel));
      tr.appendChild(el('td', o.province.shortName));
      var st = el('td');
      st.appendChild(el('span', o.statusLabel, 'status'));
      tr.appendChild(st);
      tr.appendChild(el('td', o.assignee ? o.assignee.displayName : '—'));
      tr.appendChild(el('td', time(o.schedule.initialReviewBy)));
      tr.addEventListener('click', function () { openOrder(o.id); });
      body.appendChild(tr);
    });
  }

  function loadQueue() {
    return gql(QUEUE).then(function (d) {
      renderCounts(d.orderCounts);
      renderQueue(d.orders);
    });
  }

  function openOrder(id) {
    state.selected = id;
    return gql(DETAIL, { id: id }).then(function (d) {
      var o = d.node;
      state.order = o;
      $('#detail').hidden = false;
      $('#detail-number').textContent = o.number;
      $('#detail-status').textContent = o.statusLabel;
      $('#detail-assignee').textContent = o.assignee ? '认领人：' + o.assignee.displayName : '未认领';
      $('#claim').disabled = !!o.assignee;
      $('#release').disabled = !o.assignee || o.assignee.id !== state.me.id;
      var facts = $('#detail-facts');
      facts.textContent = '';
      [['主体', o.subject.name], ['证件号', o.subject.certificateNumber], ['类型', o.filingTypeLabel]]
        .concat(o.websites.map(function (w) { return [SERVICE_NOUN[w.service.kind] || '网站', w.service.name + ' (' + w.service.domains.map(function (x) { return x.name; }).join(', ') + ')']; }))
        .forEach(function (f) { facts.appendChild(el('dt', f[0])); facts.appendChild(el('dd', f[1])); });
      var mats = $('#detail-materials');
      mats.textContent = '';
      if (!o.materials.length) mats.appendChild(el('li', '（无）'));
      o.materials.forEach(function (m) { mats.appendChild(el('li', label('materialKinds', m.kind) + ' (' + m.kind + ') · ' + m.fileName + ' · ' + Math.round(m.size / 1024) + ' KB · ' + m.authenticity)); });
      var hist = $('#detail-history');
      hist.textContent = '';
      o.history.nodes.forEach(function (e) {
        var what = e.type === 'STATUS_CHANGED' ? (label('orderStatuses', e.fromStatus) + ' → ' + e.toStatusLabel)
          : e.type === 'ASSIGNED' ? ('认领/分派：' + (e.detail.assignee ? e.detail.assignee.displayName : '释放'))
          : e.type;
        hist.appendChild(el('li', time(e.createdAt) + ' · ' + e.actorRole + ' · ' + what + (e.reason ? ' · ' + e.reason : '')));
      });
      document.querySelectorAll('#queue tbody tr').forEach(function (tr) { tr.className = tr.dataset.id === id ? 'selected' : ''; });
    });
  }

  function assignment(query, field) {
    var o = state.order;
    $('#claim-result').textContent = '';
    return gql(query, { orderId: o.id, version: o.version }).then(function (d) {
      var r = d[field];
      $('#claim-result').textContent = r.__typename === 'Order' ? (field === 'claimOrder' ? '已认领' : '已释放') : r.message;
      return Promise.all([openOrder(o.id), loadQueue()]);
    });
  }

  function goLive() {
    var client = graphqlWs.createClient({
      url: location.origin.replace(/^http/, 'ws') + '/graphql',
      connectionParams: { authorization: 'Bearer ' + state.token },
      on: {
        connected: function () { $('#live').textContent = '● 实时'; $('#live').className = 'live on'; document.body.dataset.live = 'on'; },
        closed: function () { $('#live').textContent = '● 离线'; $('#live').className = 'live off'; document.body.dataset.live = 'off'; },
      },
    });
    state.ws = client;
    client.subscribe({ query: FEED }, {
      next: function (msg) {
        var e = msg.data && msg.data.orderEvents;
        if (!e) return;
        var li = el('li', time(e.createdAt) + ' · ' + e.order.number + ' · ' + e.order.subject.name + ' · ' + label('orderStatuses', e.fromStatus) + ' → ' + e.toStatusLabel + (e.reason ? ' · ' + e.reason : ''), 'fresh');
        li.dataset.sequence = e.sequence;
        li.dataset.status = e.toStatus;
        $('#feed').prepend(li);
        loadQueue();
        if (state.selected === e.order.id) openOrder(e.order.id);
      },
      error: function (err) { console.warn('feed', err); },
      complete: function () {},
    });
  }

  function start() {
    return gql(VIEWER).then(function (d) {
      if (!d.viewer || d.viewer.role === 'APPLICANT') throw new Error('需要审核员账号 · A reviewer account is needed');
      state.me = d.viewer;
      ['orderStatuses', 'filingTypes', 'materialKinds'].forEach(function (k) {
        state.labels[k] = {};
        d.vocabularies[k].forEach(function (v) { state.labels[k][v.code] = v.label; });
      });
      showBoard();
      goLive();
      return loadQueue();
    });
  }

  $('#sign-in').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var form = ev.target;
    $('#sign-in-error').textContent = '';
    gql(SIGN_IN, { email: form.email.value, password: form.password.value })
      .then(function (d) {
        if (d.signIn.__typename !== 'SessionPayload') throw new Error(d.signIn.message || '登录失败');
        state.token = d.signIn.token;
        sessionStorage.setItem('icp-console-token', state.token);
        return start();
      })
      .catch(function (e) { $('#sign-in-error').textContent = e.message; });
  });
  $('#claim').addEventListener('click', function () { assignment(CLAIM, 'claimOrder'); });
  $('#release').addEventListener('click', function () { assignment(RELEASE, 'releaseOrder'); });
  $('#sign-out').addEventListener('click', function () {
    gql('mutation SignOut { signOut { revokedAt } }').finally(function () {
      sessionStorage.removeItem('icp-console-token');
      location.reload();
    });
  });

  if (state.token) start().catch(function () { sessionStorage.removeItem('icp-console-token'); state.token = null; });
})();
