import mpmath as mp, json, sys
mp.mp.dps = 110
TWO=mp.mpf(2)
from gen import cheb_fit, horner
def erfsmall(n, wide, nsamp, label):
    # erf(t)/t = P(zeta), zeta = 4 t^2 in [0,1]; coefficients alternate; store magnitudes
    f=lambda z: (mp.erf(mp.sqrt(z)/2)/(mp.sqrt(z)/2)) if z>0 else 2/mp.sqrt(mp.pi)
    c=cheb_fit(f,n)
    signs=[1 if x>0 else -1 for x in c]
    print(label,'signs',signs,file=sys.stderr)
    # per-level scales: |p_k| <= |c_k|, choose g_k with |c_k|*2^g_k < 1
    g=[]
    for k in range(n+1):
        gk=-2
        while abs(c[k])*TWO**(gk+1)<1: gk+=1
        g.append(gk)
    q=[]; qv=[]
    for k in range(n+1):
        Wk=64 if k in wide else 32
        v=int(mp.nint(abs(c[k])*TWO**(Wk+g[k]))); q.append(v); qv.append(signs[k]*mp.mpf(v)/TWO**(Wk+g[k]))
    m=0
    for s in range(nsamp+1):
        z=mp.mpf(s)/nsamp
        e=abs(horner(qv,z)-f(z))/f(z)
        m=max(m,e)
    print(label,'approx err 2^%.2f'%float(mp.log(m,2)),'g',g,file=sys.stderr)
    return dict(g=g,q=q,err=float(m))
def exppoly(n, nsamp):
    # h(rho) = (1 - 2^(-rho/32))/rho, rho in [0,1]; alternating
    f=lambda r: (1-TWO**(-r/32))/r if r>0 else mp.log(2)/32
    c=cheb_fit(f,n)
    print('h signs',[1 if x>0 else -1 for x in c],file=sys.stderr)
    g=[]
    for k in range(n+1):
        gk=0
        while abs(c[k])*TWO**(gk+1)<1: gk+=1
        g.append(gk)
    q=[];qv=[]
    for k in range(n+1):
        Wk=64 if k==0 else 32
        v=int(mp.nint(abs(c[k])*TWO**(Wk+g[k]))); q.append(v); qv.append((1 if c[k]>0 else -1)*mp.mpf(v)/TWO**(Wk+g[k]))
    m=0
    for s in range(nsamp+1):
        z=mp.mpf(s)/nsamp
        e=abs(horner(qv,z)-f(z))
        m=max(m,e)
    print('h approx abs err 2^%.2f'%float(mp.log(m,2)),'g',g,file=sys.stderr)
    return dict(g=g,q=q,err=float(m))
out={}
out['S32']=erfsmall(int(sys.argv[1]),{0,1},2000,'S32')
out['S64']=erfsmall(int(sys.argv[2]),set(range(40)),2000,'S64')
out['H']=exppoly(int(sys.argv[3]),2000)
out['EJ']=[int(mp.nint(TWO**(-mp.mpf(j)/32)*TWO**63)) for j in range(32)]
out['L64']=int(mp.nint(mp.log(mp.e,2)*TWO**63))
out['ISQ2']=int(mp.nint(TWO**64/mp.sqrt(2)))
print(out['L64']<2**64, out['ISQ2']<2**64, file=sys.stderr)
json.dump(out,open('misc.json','w'))
